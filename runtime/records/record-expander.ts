import { type LookupField, type ModuleDefinition, type RecordValues, renderTemplate } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { table } from '../database/sql';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { RecordAccess } from './record-access.policy';
import type { OperationRef } from '../core/operation-ref';
import { activeField, activeFields } from './record-fields';
import { recordSelect, ROW, rowToRecord } from './record-row.mapper';
import { sqlRows } from '../database/sql-rows';

export interface ExpandedReference {
  id: string;
  /** The target's title from its definition's `title` template; null when the target is gone (deleted or missing). */
  title: string | null;
}

/** A record's title: its definition's template, else its first text field, else its id. */
export function recordTitle(definition: ModuleDefinition, record: RecordValues & { id: string }): string {
  if (definition.title) {
    const rendered = renderTemplate(definition.title, record).trim();
    if (rendered) return rendered;
  }
  const first = activeFields(definition).find((f) => f.type === 'text' && typeof record[f.key] === 'string' && record[f.key] !== '');
  return first ? String(record[first.key]) : record.id;
}

/** Replaces lookup ids by `{ id, title }` of their targets: one query per target module for the whole page. */
@Injectable()
export class RecordExpander {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  /** With `access`, a target the caller may not see has no title (as if gone) and titles never use the target's hidden fields. */
  async expand(operation: OperationRef, definition: ModuleDefinition, items: RecordValues[], keys: string[], access?: RecordAccess): Promise<void> {
    const byTarget = new Map<string, Set<string>>();
    const lookups = keys.map((key) => activeField(definition, key)).filter((f): f is LookupField => f?.type === 'lookup');
    for (const field of lookups) {
      for (const item of items) {
        const id = item[field.key];
        if (typeof id !== 'string') continue;
        if (!byTarget.has(field.target)) byTarget.set(field.target, new Set());
        byTarget.get(field.target)!.add(id);
      }
    }
    const titles = new Map<string, Map<string, string>>();
    for (const [target, ids] of byTarget) {
      const stored = await this.definitions.get(operation, target);
      const targetDefinition = access ? access.view(stored) : stored;
      const visible = access?.visibleUserIds ?? null;
      const rows = await sqlRows(
        this.db.manager,
        `SELECT ${recordSelect(targetDefinition)} FROM ${table(operation.schemaName, target)} AS ${ROW} WHERE ${ROW}.id = ANY($1::uuid[]) AND ${ROW}.deleted_at IS NULL${
          visible ? ` AND (${ROW}.owner = ANY($2::uuid[]) OR ${ROW}.assignee = ANY($2::uuid[]))` : ''
        }`,
        visible ? [[...ids], [...visible]] : [[...ids]],
      );
      titles.set(
        target,
        new Map(
          rows.map((row) => {
            const record = rowToRecord(row, activeFields(targetDefinition));
            return [record.id, recordTitle(targetDefinition, record)];
          }),
        ),
      );
    }
    for (const field of lookups) {
      for (const item of items) {
        const id = item[field.key];
        if (typeof id !== 'string') continue;
        item[field.key] = { id, title: titles.get(field.target)?.get(id) ?? null } satisfies ExpandedReference;
      }
    }
  }
}
