import { fieldTypeOf } from '../definition/field-type.registry';
import type { LocalizedText, ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import { messageFor } from '../issues/issue.messages';
import { importableFields } from './column-matcher';
import type { ColumnMapping, ConvertedRow, LookupResolver, ParseOptions, RowIssue } from './import.types';

/** A mapped column and the field it fills. */
export interface MappedField {
  mapping: ColumnMapping;
  field: ModuleField;
}

/** The columns a mapping fills, in column order: only importable fields, each once (the first column naming it). */
export function mappedFields(mapping: readonly ColumnMapping[], definition: ModuleDefinition): MappedField[] {
  const fields = new Map(importableFields(definition).map((field) => [field.key, field]));
  const seen = new Set<string>();
  const mapped: MappedField[] = [];
  for (const entry of [...mapping].sort((a, b) => a.column - b.column)) {
    const field = entry.field === null ? undefined : fields.get(entry.field);
    if (!field || seen.has(field.key)) continue;
    seen.add(field.key);
    mapped.push({ mapping: entry, field });
  }
  return mapped;
}

const TITLE: LocalizedText = { es: 'título', en: 'title' };

function cellIssue(entry: ColumnMapping, field: ModuleField, value: string, code: string, reason: LocalizedText): RowIssue {
  return { column: entry.column, header: entry.header, field: field.key, value, code, message: messageFor('import.cell', { header: entry.header, value, reason }) };
}

function lookupIssue(entry: ColumnMapping, field: ModuleField, value: string, count: number): RowIssue {
  const code = count === 0 ? 'import.lookupNotFound' : 'import.lookupAmbiguous';
  const target = field.type === 'lookup' ? field.target : { es: 'usuarios', en: 'users' };
  return cellIssue(entry, field, value, code, messageFor(code, { target, by: entry.lookupBy ?? TITLE, value: value.trim(), count }));
}

/**
 * One file row → the values to write and the cells that cannot be read.
 * Each cell goes through its field type's own `parse` with the import's
 * options; lookups and users go through the runtime's resolver when there is
 * one. Missing cells read as empty (null); cells past the header are ignored.
 */
export function convertRow(cells: readonly string[], mapping: readonly ColumnMapping[], definition: ModuleDefinition, options: ParseOptions, lookups?: LookupResolver): ConvertedRow {
  const values: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  for (const { mapping: entry, field } of mappedFields(mapping, definition)) {
    const text = cells[entry.column] ?? '';
    if (lookups && (field.type === 'lookup' || field.type === 'user')) {
      if (text.trim() === '') {
        values[field.key] = null;
        continue;
      }
      const ids = lookups(field.key, text.trim());
      if (ids.length === 1) values[field.key] = ids[0];
      else issues.push(lookupIssue(entry, field, text, ids.length));
      continue;
    }
    const read = fieldTypeOf(field).parse(field, text, options);
    if (read.ok) values[field.key] = read.value;
    else issues.push(cellIssue(entry, field, text, read.issue.code, read.issue.message));
  }
  return { values, issues };
}
