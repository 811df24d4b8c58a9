import { isComputed, type ModuleDefinition, type ModuleField } from '@crm/engine';
import type { ColumnMapping, PreviewRow } from '../api/imports.api';
import { addField } from '../designer/definition-edits';
import { newField } from '../designer/field-factory';
import { toKey, uniqueKey } from '../designer/keys';

/** The fields a column may fill: active, written by people (not computed), and held in one cell (not sub-tables or attachments). */
export function importableFields(definition: ModuleDefinition): ModuleField[] {
  return definition.fields.filter((f) => !f.archived && !isComputed(f.type) && f.type !== 'subtable' && f.type !== 'file');
}

/** Points `column` at `field` (null: ignored). A field fills one column only, so a column that had it before is ignored from now on. */
export function setColumnField(mapping: readonly ColumnMapping[], column: number, field: string | null): ColumnMapping[] {
  return mapping.map((entry) => {
    if (entry.column === column) {
      if (entry.field === field) return entry;
      // "Buscar por" belongs to the field it was chosen for.
      const { lookupBy: _dropped, ...rest } = entry;
      return { ...rest, field };
    }
    return field !== null && entry.field === field ? { column: entry.column, header: entry.header, field: null } : entry;
  });
}

/** The target field a lookup column is matched by; `undefined` leaves it to the server (the target's title field). */
export function setLookupBy(mapping: readonly ColumnMapping[], column: number, lookupBy: string | undefined): ColumnMapping[] {
  return mapping.map((entry) => {
    if (entry.column !== column) return entry;
    const { lookupBy: _old, ...rest } = entry;
    return lookupBy ? { ...rest, lookupBy } : rest;
  });
}

/** Header text as a saved mapping and the server compare it: case, accents, spaces and punctuation do not count. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A saved mapping laid over the file's columns by header text, as the server
 * applies it (columns may have moved since it was saved). Columns it does not
 * name keep what they had; a field the saved mapping gives to one column is
 * taken away from any other.
 */
export function applySavedMapping(current: readonly ColumnMapping[], saved: readonly ColumnMapping[]): ColumnMapping[] {
  const byHeader = new Map<string, ColumnMapping>();
  for (const entry of saved) if (!byHeader.has(foldHeader(entry.header))) byHeader.set(foldHeader(entry.header), entry);
  let next = [...current];
  for (const entry of current) {
    const match = byHeader.get(foldHeader(entry.header));
    if (!match) continue;
    next = setColumnField(next, entry.column, match.field);
    next = setLookupBy(next, entry.column, match.field ? match.lookupBy : undefined);
  }
  return next;
}

/** Up to `count` different non-blank values of a column, in file order: what the admin reads to recognise it. */
export function columnSamples(rows: readonly PreviewRow[], column: number, count = 3): string[] {
  const seen: string[] = [];
  for (const row of rows) {
    const cell = (row.cells[column] ?? '').trim();
    if (cell !== '' && !seen.includes(cell)) seen.push(cell);
    if (seen.length === count) break;
  }
  return seen;
}

/** The mapped fields in column order. */
export function mappedFields(mapping: readonly ColumnMapping[]): string[] {
  return mapping.flatMap((entry) => (entry.field === null ? [] : [entry.field]));
}

/**
 * "Crear campo" for a column no field matches: the module with a new text
 * field named after the header (key from the header, made unique), ready for
 * the designer's plan review.
 */
export function withFieldForHeader(definition: ModuleDefinition, header: string, modules: string[]): { definition: ModuleDefinition; key: string } {
  const key = uniqueKey(toKey(header), [...definition.fields.map((f) => f.key)]);
  const label = header.trim() || key;
  // As in the designer, a new field joins the last section.
  return { definition: addField(definition, newField(key, 'text', { es: label, en: label }, modules), definition.sections?.at(-1)?.key), key };
}
