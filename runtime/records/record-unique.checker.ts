import type { Issue, ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { activeFields } from './record-fields';
import { uniqueIssue } from './record.errors';
import { RecordRepository } from './record.repository';
import { canonicalValue, storageShape } from './record-value.codec';

export interface UniqueRow {
  index: number;
  /** The record's id (new or existing): holding its own value is no conflict. */
  id: string;
  /** New or changed values (canonical). */
  values: Record<string, unknown>;
}

/**
 * Fields marked unique, checked before writing (the unique index stays the
 * last word): a value another live record holds, or one an earlier row of the
 * same batch takes, is refused on its field.
 */
@Injectable()
export class RecordUniqueChecker {
  constructor(@Inject(RecordRepository) private readonly records: RecordRepository) {}

  async check(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, rows: UniqueRow[]): Promise<Map<number, Issue[]>> {
    const issues = new Map<number, Issue[]>();
    const refuse = (index: number, key: string, value: unknown) => {
      if (!issues.has(index)) issues.set(index, []);
      issues.get(index)!.push(uniqueIssue(key, value));
    };
    for (const field of activeFields(definition)) {
      if (!field.unique || storageShape(field) === 'jsonb' || storageShape(field) === 'text[]') continue;
      const claims = new Map<string, { index: number; id: string; value: unknown }>();
      for (const row of rows) {
        const value = row.values[field.key];
        if (value === null || value === undefined) continue;
        const key = String(value);
        if (claims.has(key)) refuse(row.index, field.key, value);
        else claims.set(key, { index: row.index, id: row.id, value });
      }
      if (claims.size === 0) continue;
      const holders = await this.records.holders(
        db,
        operation,
        definition,
        field,
        [...claims.values()].map((c) => c.value),
      );
      for (const holder of holders) {
        const claim = claims.get(String(canonicalValue(field, holder.value)));
        if (claim && claim.id !== holder.id) refuse(claim.index, field.key, claim.value);
      }
    }
    return issues;
  }
}
