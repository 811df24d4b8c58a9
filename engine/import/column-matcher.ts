import { fieldTypeOf } from '../definition/field-type.registry';
import type { ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import { fold } from '../fields/field-text';
import { messageFor } from '../issues/issue.messages';
import type { ColumnMapping, RowIssue } from './import.types';

/** Header text as matching compares it: "Correo electrónico", "correo_electronico" and "CORREO-ELECTRONICO" all read "correoelectronico". */
export const headerKey = (text: string): string => fold(text).replace(/[^a-z0-9]/g, '');

/** Words people put in headers for the same thing, in Spanish and English; a header and a field match when they fall in one group. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['correo', 'email', 'e-mail', 'mail', 'correo electrónico', 'correo electronico', 'email address'],
  ['celular', 'móvil', 'movil', 'cel', 'mobile', 'cell phone', 'cellphone', 'teléfono móvil', 'teléfono celular', 'mobile phone'],
  ['teléfono', 'telefono', 'phone', 'tel', 'fijo', 'teléfono fijo', 'phone number'],
  ['nombre', 'name', 'first name', 'nombres'],
  ['apellido', 'apellidos', 'last name', 'surname'],
  ['dirección', 'direccion', 'address', 'domicilio'],
  ['ciudad', 'city', 'municipio'],
  ['empresa', 'company', 'compañía', 'organización', 'organization', 'razón social'],
  ['documento', 'cédula', 'cedula', 'dni', 'id number', 'identificación', 'número de documento'],
  ['nit', 'tax id', 'rut'],
  ['fecha', 'date'],
  ['notas', 'notes', 'observaciones', 'comentarios', 'comments'],
  ['estado', 'status'],
  ['género', 'genero', 'sexo', 'gender'],
];

const SYNONYM_GROUP = new Map<string, number>(SYNONYMS.flatMap((group, index) => group.map((word) => [headerKey(word), index] as const)));

/** Fields an import may fill: active ones the engine does not compute, and not attachments, which a cell cannot carry. */
export function importableFields(definition: ModuleDefinition): ModuleField[] {
  return definition.fields.filter((field) => !field.archived && !fieldTypeOf(field).computed && field.type !== 'file');
}

const names = (field: ModuleField): string[] => [field.key, field.label.es, field.label.en].map(headerKey);

const isReference = (field: ModuleField | undefined): boolean => field?.type === 'lookup' || field?.type === 'user';

/**
 * One mapping per header, in order. A saved mapping applies first, by header
 * text (its columns may have moved); then each header takes the first free
 * field named by its key or a label, then by a synonym. No field takes two columns.
 */
export function matchColumns(headers: readonly string[], definition: ModuleDefinition, saved?: readonly ColumnMapping[]): ColumnMapping[] {
  const fields = importableFields(definition);
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const keys = headers.map(headerKey);
  const chosen: (ColumnMapping | undefined)[] = headers.map(() => undefined);
  const taken = new Set<string>();

  for (const entry of saved ?? []) {
    const wanted = headerKey(entry.header);
    const free = (index: number) => keys[index] === wanted && chosen[index] === undefined;
    const column = free(entry.column) ? entry.column : keys.findIndex((_, index) => free(index));
    if (column < 0) continue;
    const field = entry.field === null ? undefined : byKey.get(entry.field);
    // A field deleted or archived since the mapping was saved leaves its column to the automatic match.
    if (entry.field !== null && (!field || taken.has(field.key))) continue;
    if (field) taken.add(field.key);
    chosen[column] = {
      column,
      header: headers[column],
      field: field?.key ?? null,
      ...(isReference(field) && entry.lookupBy !== undefined && { lookupBy: entry.lookupBy }),
    };
  }

  const assign = (matches: (key: string, field: ModuleField) => boolean) => {
    keys.forEach((key, column) => {
      if (chosen[column] !== undefined || key === '') return;
      const field = fields.find((candidate) => !taken.has(candidate.key) && matches(key, candidate));
      if (!field) return;
      taken.add(field.key);
      chosen[column] = { column, header: headers[column], field: field.key };
    });
  };
  assign((key, field) => names(field).includes(key));
  assign((key, field) => {
    const group = SYNONYM_GROUP.get(key);
    return group !== undefined && names(field).some((name) => SYNONYM_GROUP.get(name) === group);
  });

  return chosen.map((mapping, column) => mapping ?? { column, header: headers[column], field: null });
}

/**
 * What is wrong with a mapping a client sent, once per import rather than per
 * row: columns naming a field the import cannot fill, and second columns for
 * one field (the row converter takes the first).
 */
export function mappingIssues(mapping: readonly ColumnMapping[], definition: ModuleDefinition): RowIssue[] {
  const fields = new Set(importableFields(definition).map((field) => field.key));
  const first = new Map<string, ColumnMapping>();
  const issues: RowIssue[] = [];
  for (const entry of [...mapping].sort((a, b) => a.column - b.column)) {
    if (entry.field === null) continue;
    const issue = (code: string, params: Record<string, string>): RowIssue => ({
      column: entry.column,
      header: entry.header,
      field: entry.field,
      value: null,
      code,
      message: messageFor(code, params),
    });
    const earlier = first.get(entry.field);
    if (!fields.has(entry.field)) issues.push(issue('import.mappingField', { header: entry.header, field: entry.field }));
    else if (earlier) issues.push(issue('import.mappingDuplicate', { first: earlier.header, header: entry.header, field: entry.field }));
    else first.set(entry.field, entry);
  }
  return issues;
}
