import type { Issue, ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { activeField } from './record-fields';
import { fileRefIssues } from './record-file-refs';
import { referenceIssue, userIssue } from './record.errors';
import { RecordRepository } from './record.repository';
import { sqlRows } from '../database/sql-rows';

/** The values a write sets, by row: only new or changed values are checked (an old dangling link never blocks an edit). */
export interface ReferenceRow {
  index: number;
  values: Record<string, unknown>;
}

const USER_KEYS = new Set(['owner', 'assignee']);

/**
 * Lookups must point at live records of their target module, user fields (and
 * owner / assignee) at users of the operation, file fields at their uploads. One query per target module and
 * one for users, whatever the number of rows.
 */
@Injectable()
export class RecordReferencesChecker {
  constructor(@Inject(RecordRepository) private readonly records: RecordRepository) {}

  async check(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, rows: ReferenceRow[]): Promise<Map<number, Issue[]>> {
    const byTarget = new Map<string, Set<string>>();
    const users = new Set<string>();
    const wanted: { index: number; key: string; id: string; target: string | null }[] = [];
    for (const row of rows) {
      for (const [key, value] of Object.entries(row.values)) {
        if (typeof value !== 'string') continue;
        const field = activeField(definition, key);
        if (USER_KEYS.has(key) || field?.type === 'user') {
          users.add(value);
          wanted.push({ index: row.index, key, id: value, target: null });
        } else if (field?.type === 'lookup') {
          if (!byTarget.has(field.target)) byTarget.set(field.target, new Set());
          byTarget.get(field.target)!.add(value);
          wanted.push({ index: row.index, key, id: value, target: field.target });
        }
      }
    }
    const found = new Map<string, Set<string>>();
    for (const [target, ids] of byTarget) found.set(target, await this.records.liveIds(db, operation, target, [...ids]));
    const knownUsers = users.size
      ? new Set((await sqlRows<{ id: string }>(db, `SELECT id FROM core.users WHERE operation_id = $1 AND id = ANY($2::uuid[])`, [operation.id, [...users]])).map((r) => r.id))
      : new Set<string>();

    // File fields reference uploads of this operation, module and field only.
    const issues = await fileRefIssues(db, operation, definition, rows);
    for (const ref of wanted) {
      const ok = ref.target === null ? knownUsers.has(ref.id) : found.get(ref.target)!.has(ref.id);
      if (ok) continue;
      if (!issues.has(ref.index)) issues.set(ref.index, []);
      issues.get(ref.index)!.push(ref.target === null ? userIssue(ref.key) : referenceIssue(ref.key, ref.target));
    }
    return issues;
  }
}
