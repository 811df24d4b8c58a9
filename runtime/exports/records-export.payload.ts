import { type Issue, isTimeZone, issue } from '@crm/engine';
import { ApiError } from '../core/api-error';

export type ExportFormat = 'xlsx' | 'csv';

/** What a `records.export` job is asked for: a table view (its filter, columns and sort) in a format and a language. */
export interface RecordsExportPayload {
  module: string;
  /** The records-query filter tree the table uses; absent = every record. */
  filter?: Record<string, unknown>;
  /** Field keys, in the order of the sheet's columns. */
  columns: string[];
  sort: { field: string; dir: 'asc' | 'desc' }[];
  format: ExportFormat;
  /** Headers, picklist labels, yes / no and the CSV's number and date forms. */
  language: 'es' | 'en';
  /** Date-times are written as the wall clock of this zone (spreadsheets have none); default UTC. */
  timeZone: string;
}

const KEYS = new Set(['module', 'filter', 'columns', 'sort', 'format', 'language', 'timeZone']);
const MODULE_KEY = /^[a-z][a-z0-9_]{0,62}$/;
/** The most columns one export takes (a module's fields fit well within it). */
export const EXPORT_MAX_COLUMNS = 300;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The payload's shape; fields, filter and sort are checked against the module as the user sees it by the job. */
export function readExportPayload(input: unknown): RecordsExportPayload {
  if (!isObject(input)) throw ApiError.validation([issue('payload', 'record')]);
  const issues: Issue[] = Object.keys(input)
    .filter((key) => !KEYS.has(key))
    .map((key) => issue(`payload.${key}`, 'unknownField', { field: key }));
  const { module, filter, columns, sort, format, language, timeZone } = input;
  if (typeof module !== 'string' || !MODULE_KEY.test(module)) issues.push(issue('payload.module', module === undefined ? 'required' : 'type', { expected: 'string' }));
  if (filter !== undefined && filter !== null && !isObject(filter)) issues.push(issue('payload.filter', 'type', { expected: 'object' }));
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) {
    issues.push(issue('payload.columns', columns === undefined ? 'required' : 'type', { expected: 'string[]' }));
  } else if (columns.length === 0) {
    issues.push(issue('payload.columns', 'required'));
  } else if (columns.length > EXPORT_MAX_COLUMNS) {
    issues.push(issue('payload.columns', 'maxItems', { limit: EXPORT_MAX_COLUMNS }));
  }
  if (sort !== undefined && !Array.isArray(sort)) issues.push(issue('payload.sort', 'type', { expected: 'array' }));
  if (format !== 'xlsx' && format !== 'csv') issues.push(issue('payload.format', format === undefined ? 'required' : 'option', { value: String(format) }));
  if (language !== undefined && language !== 'es' && language !== 'en') issues.push(issue('payload.language', 'option', { value: String(language) }));
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) issues.push(issue('payload.timeZone', 'option', { value: String(timeZone) }));
  if (issues.length) throw ApiError.validation(issues);
  return {
    module: module as string,
    ...(isObject(filter) && { filter }),
    columns: [...new Set(columns as string[])],
    sort: (sort as RecordsExportPayload['sort'] | undefined) ?? [],
    format: format as ExportFormat,
    language: (language as 'es' | 'en' | undefined) ?? 'es',
    timeZone: (timeZone as string | undefined) ?? 'UTC',
  };
}

/** A records-query issue (`filter.and[0].field`, `sort[0]`, `fields[2]`) as a path of the job's payload. */
export function payloadIssue(found: Issue): Issue {
  const path = found.path.startsWith('fields') ? `payload.columns${found.path.slice('fields'.length)}` : `payload.${found.path}`;
  return { ...found, path };
}
