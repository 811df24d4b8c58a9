import { type ColumnMapping, type ImportValueOptions, issue, type Issue, mappingIssues as engineMappingIssues, type ModuleDefinition } from '@crm/engine';
import { CSV_DELIMITERS, CSV_ENCODINGS, type CsvDelimiter, type CsvEncoding } from './csv-layout.detector';
import { IMPORT_MAX_COLUMNS } from './import.errors';
import { isUuid } from '../core/uuid';

export type ImportMode = 'insert' | 'update' | 'upsert';
export const IMPORT_MODES: readonly ImportMode[] = ['insert', 'update', 'upsert'];

export interface RecordsImportPayload {
  fileId: string;
  module: string;
  sheet?: string;
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  mode: ImportMode;
  keyFields: string[];
  skipDuplicates: boolean;
  validateOnly: boolean;
}

const KEYS = new Set(['fileId', 'module', 'sheet', 'encoding', 'delimiter', 'mapping', 'options', 'mode', 'keyFields', 'skipDuplicates', 'validateOnly']);
const MODULE_KEY = /^[a-z][a-z0-9_]{0,62}$/;
const DATE_ORDERS = ['dmy', 'mdy', 'ymd'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const said = (path: string, es: string, en: string, code = 'invalid'): Issue => ({ path, code, message: { es, en } });

/** The shape of an import request, before the module is read: paths `payload.*`. */
export function payloadShapeIssues(input: unknown): Issue[] {
  if (!isObject(input)) return [issue('payload', 'record')];
  const issues: Issue[] = Object.keys(input)
    .filter((key) => !KEYS.has(key))
    .map((key) => issue(`payload.${key}`, 'unknownField', { field: key }));
  const { fileId, module, sheet, encoding, delimiter, mapping, options, mode, keyFields, skipDuplicates, validateOnly } = input;
  if (typeof fileId !== 'string' || !isUuid(fileId)) issues.push(issue('payload.fileId', fileId === undefined ? 'required' : 'type', { expected: 'uuid' }));
  if (typeof module !== 'string' || !MODULE_KEY.test(module)) issues.push(issue('payload.module', module === undefined ? 'required' : 'type', { expected: 'string' }));
  if (sheet !== undefined && (typeof sheet !== 'string' || sheet.length > 200)) issues.push(issue('payload.sheet', 'type', { expected: 'string' }));
  if (encoding !== undefined && !CSV_ENCODINGS.includes(encoding as CsvEncoding)) issues.push(issue('payload.encoding', 'option', { value: String(encoding) }));
  if (delimiter !== undefined && !CSV_DELIMITERS.includes(delimiter as CsvDelimiter)) issues.push(issue('payload.delimiter', 'option', { value: String(delimiter) }));
  if (!IMPORT_MODES.includes(mode as ImportMode)) issues.push(issue('payload.mode', mode === undefined ? 'required' : 'option', { value: String(mode) }));
  if (keyFields !== undefined && (!Array.isArray(keyFields) || keyFields.length > 5 || keyFields.some((k) => typeof k !== 'string')))
    issues.push(issue('payload.keyFields', 'type', { expected: 'string[]' }));
  if (skipDuplicates !== undefined && typeof skipDuplicates !== 'boolean') issues.push(issue('payload.skipDuplicates', 'type', { expected: 'boolean' }));
  if (validateOnly !== undefined && typeof validateOnly !== 'boolean') issues.push(issue('payload.validateOnly', 'type', { expected: 'boolean' }));
  issues.push(...optionsIssues(options, 'payload.options'));
  if (!Array.isArray(mapping) || mapping.length === 0) issues.push(issue('payload.mapping', mapping === undefined ? 'required' : 'type', { expected: 'array' }));
  else if (mapping.length > IMPORT_MAX_COLUMNS) issues.push(issue('payload.mapping', 'maxItems', { limit: IMPORT_MAX_COLUMNS }));
  else issues.push(...mapping.flatMap((entry, i) => mappingEntryIssues(entry, `payload.mapping[${i}]`)));
  return issues;
}

export function optionsIssues(options: unknown, path: string): Issue[] {
  if (!isObject(options)) return [issue(path, options === undefined ? 'required' : 'type', { expected: 'object' })];
  const issues: Issue[] = Object.keys(options)
    .filter((key) => !['dateOrder', 'decimalMark', 'listSeparator'].includes(key))
    .map((key) => issue(`${path}.${key}`, 'unknownField', { field: key }));
  if (!DATE_ORDERS.includes(options.dateOrder as string)) issues.push(issue(`${path}.dateOrder`, 'option', { value: String(options.dateOrder) }));
  if (options.decimalMark !== ',' && options.decimalMark !== '.') issues.push(issue(`${path}.decimalMark`, 'option', { value: String(options.decimalMark) }));
  if (typeof options.listSeparator !== 'string' || options.listSeparator.length !== 1 || /\s/.test(options.listSeparator)) {
    issues.push(said(`${path}.listSeparator`, 'El separador de opciones es un solo carácter visible.', 'The option separator is one visible character.'));
  }
  return issues;
}

export function mappingEntryIssues(entry: unknown, path: string): Issue[] {
  if (!isObject(entry)) return [issue(path, 'record')];
  const issues: Issue[] = [];
  if (!Number.isInteger(entry.column) || (entry.column as number) < 0 || (entry.column as number) >= IMPORT_MAX_COLUMNS) issues.push(issue(`${path}.column`, 'type', { expected: 'integer' }));
  if (typeof entry.header !== 'string' || entry.header.length > 500) issues.push(issue(`${path}.header`, 'type', { expected: 'string' }));
  if (entry.field !== null && (typeof entry.field !== 'string' || entry.field.length > 63)) issues.push(issue(`${path}.field`, 'type', { expected: 'string | null' }));
  if (entry.lookupBy !== undefined && (typeof entry.lookupBy !== 'string' || entry.lookupBy.length > 63)) issues.push(issue(`${path}.lookupBy`, 'type', { expected: 'string' }));
  return issues;
}

/**
 * Against the module: the engine's mapping checks (fields that exist and can
 * be imported, one column per field) with API paths, plus what a write mode
 * needs (keys chosen and mapped).
 */
export function requestIssues(definition: ModuleDefinition, mapping: readonly ColumnMapping[], mode: ImportMode, keyFields: readonly string[], prefix = 'payload.'): Issue[] {
  const path = prefix.replace(/\.$/, '');
  const at = (rest: string) => (path ? `${path}.${rest}` : rest);
  const issues: Issue[] = engineMappingIssues(mapping, definition).map((found) => ({
    path: at(`mapping[${mapping.findIndex((entry) => entry.column === found.column && entry.field === found.field)}].field`),
    code: found.code,
    message: found.message,
  }));
  const mapped = new Set(mapping.flatMap((entry) => (entry.field === null ? [] : [entry.field])));
  if (mapped.size === 0) issues.push(said(at('mapping'), 'Asigne al menos una columna a un campo.', 'Map at least one column to a field.', 'emptyMapping'));
  if (mode !== 'insert' && keyFields.length === 0) {
    issues.push(said(at('keyFields'), 'Para actualizar, elija uno o más campos clave.', 'To update, choose one or more key fields.', 'required'));
  }
  keyFields.forEach((key, i) => {
    if (!mapped.has(key)) {
      issues.push(said(at(`keyFields[${i}]`), `El campo clave «${key}» no tiene columna en el archivo.`, `Key field "${key}" has no column in the file.`, 'keyNotMapped'));
    }
  });
  return issues;
}
