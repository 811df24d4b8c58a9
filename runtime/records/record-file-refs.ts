import type { Issue, ModuleDefinition } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { activeField } from './record-fields';
import { isUuid } from '../core/uuid';
import { recordIssue } from './record.errors';
import { sqlRows } from '../database/sql-rows';

interface Wanted {
  index: number;
  path: string;
  id: string;
  field: string;
}

/**
 * A file field may only reference files uploaded to this operation, module and
 * field: otherwise a record could expose (and let anyone download) a file of
 * another tenant or of a module its readers may not see. One query per write.
 */
export async function fileRefIssues(
  db: EntityManager,
  operation: OperationRef,
  definition: ModuleDefinition,
  rows: { index: number; values: Record<string, unknown> }[],
): Promise<Map<number, Issue[]>> {
  const wanted: Wanted[] = [];
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.values)) {
      if (activeField(definition, key)?.type !== 'file' || !Array.isArray(value)) continue;
      value.forEach((item: unknown, i) => {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string') wanted.push({ index: row.index, path: `${key}[${i}].id`, id, field: key });
      });
    }
  }
  const issues = new Map<number, Issue[]>();
  if (!wanted.length) return issues;
  const ids = [...new Set(wanted.map((w) => w.id).filter(isUuid))];
  const known = ids.length
    ? await sqlRows<{ id: string; field: string }>(db, `SELECT id::text AS id, field FROM core.files WHERE operation_id = $1 AND module = $2 AND id = ANY($3::uuid[])`, [
        operation.id,
        definition.key,
        ids,
      ])
    : [];
  const ok = new Set(known.map((k) => `${k.id}/${k.field}`));
  for (const w of wanted) {
    if (ok.has(`${w.id.toLowerCase()}/${w.field}`)) continue;
    if (!issues.has(w.index)) issues.set(w.index, []);
    issues.get(w.index)!.push(recordIssue(w.path, 'file', 'El archivo no existe o no fue subido a este campo.', 'The file does not exist or was not uploaded to this field.'));
  }
  return issues;
}
