import { isComputed, type ModuleDefinition, type RecordValues } from '@crm/engine';
import { activeFields, hasOwn } from './record-fields';

const copy = <T>(value: T): T => (value !== null && typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as T) : value);

/** Sub-table rows get their columns' defaults for the keys they leave out. */
export function withRowDefaults(definition: ModuleDefinition, values: RecordValues): RecordValues {
  let out = values;
  for (const field of activeFields(definition)) {
    if (field.type !== 'subtable' || !Array.isArray(values[field.key])) continue;
    const columns = field.columns.filter((c) => !c.archived && c.default !== undefined);
    if (columns.length === 0) continue;
    const rows = (values[field.key] as unknown[]).map((row) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
      const missing = columns.filter((c) => !hasOwn(row, c.key));
      return missing.length ? { ...row, ...Object.fromEntries(missing.map((c) => [c.key, copy(c.default)])) } : row;
    });
    out = { ...out, [field.key]: rows };
  }
  return out;
}

/** A new record: the client's values, the definition's defaults for the fields it leaves out, row defaults in sub-tables. */
export function withDefaults(definition: ModuleDefinition, input: RecordValues): RecordValues {
  const out: RecordValues = { ...input };
  for (const field of activeFields(definition)) {
    if (field.default === undefined || isComputed(field.type) || hasOwn(out, field.key)) continue;
    out[field.key] = copy(field.default);
  }
  return withRowDefaults(definition, out);
}
