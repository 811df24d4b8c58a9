import { DUPLICATE_KEY_TYPES, type DuplicateMode, type Issue, issue, keyNormalisation, type KeyNormalisation, type ModuleDefinition, type ModuleField } from '@crm/engine';

/** One field of a duplicates query and how its values are compared. */
export interface DuplicateKeyField {
  field: ModuleField;
  how: KeyNormalisation;
}

export interface DateRange {
  from?: string;
  /** Exclusive; a bare date `to` covers that whole day. */
  to?: string;
}

/** A checked duplicates query: records live, in the date ranges, grouped by the normalised values of `fields`. */
export interface DuplicateQuery {
  fields: DuplicateKeyField[];
  mode: DuplicateMode;
  created?: DateRange;
  modified?: DateRange;
}

/** The query as a job payload stores it (field keys instead of fields). */
export interface DuplicateQueryInput {
  fields: string[];
  mode: DuplicateMode;
  digitsOnly?: string[];
  created?: DateRange;
  modified?: DateRange;
}

/** Types whose values can be grouped (one scalar per record). */
const GROUPABLE = new Set<string>(DUPLICATE_KEY_TYPES);
const KEYS = new Set(['fields', 'mode', 'digitsOnly', 'created', 'modified']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FIELDS = 5;

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function range(value: unknown, path: string, issues: Issue[]): DateRange | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push(issue(path, 'type', { expected: 'object' }));
    return undefined;
  }
  const out: DateRange = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (key !== 'from' && key !== 'to') {
      issues.push(issue(`${path}.${key}`, 'unknownField', { field: key }));
      continue;
    }
    if (raw === undefined || raw === null || raw === '') continue;
    if (typeof raw !== 'string' || Number.isNaN(Date.parse(DATE.test(raw) ? `${raw}T00:00:00Z` : raw))) {
      issues.push(issue(`${path}.${key}`, 'format.datetime'));
      continue;
    }
    out[key] = DATE.test(raw) ? (key === 'to' ? nextDay(raw) : raw) : new Date(raw).toISOString();
  }
  if (out.from && out.to && Date.parse(out.from) >= Date.parse(out.to))
    issues.push({ path: `${path}.to`, code: 'rangeOrder', message: { es: 'La fecha final debe ser posterior a la inicial.', en: 'The end date must come after the start date.' } });
  return Object.keys(out).length ? out : undefined;
}

/**
 * Reads a duplicates query (`{ fields, mode, digitsOnly?, created?, modified? }`)
 * against the module as the caller sees it (`hidden` fields are unknown). Issues
 * carry `prefix` (`payload.duplicates.` inside a job).
 */
export function readDuplicateQuery(
  body: unknown,
  definition: ModuleDefinition,
  hidden: ReadonlySet<string>,
  prefix = '',
): { ok: true; query: DuplicateQuery; input: DuplicateQueryInput } | { ok: false; issues: Issue[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, issues: [issue(prefix.replace(/\.$/, ''), 'record')] };
  const raw = body as Record<string, unknown>;
  const issues: Issue[] = Object.keys(raw)
    .filter((key) => !KEYS.has(key))
    .map((key) => issue(`${prefix}${key}`, 'unknownField', { field: key }));
  const mode = raw.mode ?? 'normalised';
  if (mode !== 'exact' && mode !== 'normalised') issues.push(issue(`${prefix}mode`, 'option', { value: String(mode) }));
  const digitsOnly = raw.digitsOnly ?? [];
  if (!Array.isArray(digitsOnly) || digitsOnly.some((key) => typeof key !== 'string')) issues.push(issue(`${prefix}digitsOnly`, 'type', { expected: 'array' }));
  const fields: DuplicateKeyField[] = [];
  if (!Array.isArray(raw.fields) || raw.fields.length === 0) issues.push(issue(`${prefix}fields`, raw.fields === undefined ? 'required' : 'type', { expected: 'array' }));
  else if (raw.fields.length > MAX_FIELDS) issues.push(issue(`${prefix}fields`, 'maxItems', { limit: MAX_FIELDS }));
  else {
    raw.fields.forEach((key: unknown, i) => {
      const field = typeof key === 'string' && !hidden.has(key) ? definition.fields.find((f) => f.key === key && !f.archived) : undefined;
      if (!field) issues.push(issue(`${prefix}fields[${i}]`, 'unknownField', { field: String(key) }));
      else if (!GROUPABLE.has(field.type))
        issues.push({
          path: `${prefix}fields[${i}]`,
          code: 'notGroupable',
          message: { es: `El campo «${field.key}» no sirve para buscar duplicados.`, en: `Field "${field.key}" cannot be used to find duplicates.` },
        });
      else if (fields.some((f) => f.field.key === field.key)) issues.push(issue(`${prefix}fields[${i}]`, 'uniqueItems'));
      else fields.push({ field, how: keyNormalisation(field.type, mode === 'exact' ? 'exact' : 'normalised', Array.isArray(digitsOnly) && digitsOnly.includes(field.key)) });
    });
  }
  if (Array.isArray(digitsOnly) && Array.isArray(raw.fields)) {
    digitsOnly.forEach((key, i) => {
      if (!raw.fields || !(raw.fields as unknown[]).includes(key)) issues.push(issue(`${prefix}digitsOnly[${i}]`, 'unknownField', { field: String(key) }));
    });
  }
  const created = range(raw.created, `${prefix}created`, issues);
  const modified = range(raw.modified, `${prefix}modified`, issues);
  if (issues.length) return { ok: false, issues };
  const input: DuplicateQueryInput = {
    fields: fields.map((f) => f.field.key),
    mode: mode as DuplicateMode,
    ...((digitsOnly as string[]).length > 0 && { digitsOnly: digitsOnly as string[] }),
    ...(raw.created !== undefined && raw.created !== null && { created: raw.created as DateRange }),
    ...(raw.modified !== undefined && raw.modified !== null && { modified: raw.modified as DateRange }),
  };
  return { ok: true, query: { fields, mode: mode as DuplicateMode, created, modified }, input };
}
