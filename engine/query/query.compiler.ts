import { isSortable, operatorsFor, valueKind, type FilterOperator, type ValueKind } from '../definition/field-type.registry';
import { SYSTEM_FIELDS } from '../definition/system-columns';
import type { ModuleDefinition, ModuleField, PicklistOption } from '../definition/module-definition.types';
import { issue } from '../issues/issue.messages';
import type { Issue, Result } from '../issues/issue.types';
import { decodeCursor } from './cursor.codec';
import { QUERY_LIMITS, type CompiledCondition, type CompiledFilter, type CompiledQuery, type CompiledSort, type ConditionValue, type ScalarValue } from './query.types';

/** What the compiler knows about a field it may filter or sort on. */
interface Target {
  key: string;
  system: boolean;
  kind: ValueKind;
  operators: readonly FilterOperator[];
  sortable: boolean;
  options?: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const NO_VALUE: ReadonlySet<FilterOperator> = new Set(['empty', 'notEmpty']);

function targets(definition: ModuleDefinition): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const [key, facts] of Object.entries(SYSTEM_FIELDS)) {
    out.set(key, { key, system: true, kind: facts.kind, operators: facts.operators, sortable: facts.sortable });
  }
  for (const field of definition.fields) {
    if (field.archived) continue;
    out.set(field.key, {
      key: field.key,
      system: false,
      kind: valueKind(field),
      operators: operatorsFor(field),
      sortable: isSortable(field),
      options: optionKeys(field),
    });
  }
  return out;
}

function optionKeys(field: ModuleField): Set<string> | undefined {
  if (!('options' in field)) return undefined;
  // Archived options still match old records, so filters may use them.
  return new Set(field.options.map((o: PicklistOption) => o.key));
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks one scalar value for a field kind; returns the normalised value or a reason. */
function scalar(target: Target, raw: unknown, op: FilterOperator): { value: ScalarValue } | { problem: string } {
  switch (target.kind) {
    case 'string': {
      if (typeof raw === 'number' && (op === 'eq' || op === 'neq' || op === 'in')) return { value: String(raw) };
      if (typeof raw !== 'string') return { problem: 'expected text' };
      if (raw.length > QUERY_LIMITS.maxTextLength) return { problem: `at most ${QUERY_LIMITS.maxTextLength} characters` };
      if ((op === 'contains' || op === 'notContains') && raw.trim() === '') return { problem: 'expected some text to look for' };
      return { value: raw };
    }
    case 'number': {
      const numeric = typeof raw === 'number' ? raw : typeof raw === 'string' && NUMBER_TEXT.test(raw.trim()) ? Number(raw) : NaN;
      return Number.isFinite(numeric) ? { value: numeric } : { problem: 'expected a number' };
    }
    case 'date': {
      if (typeof raw !== 'string' || !DATE.test(raw)) return { problem: 'expected a date YYYY-MM-DD' };
      const parsed = new Date(`${raw}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(raw) ? { value: raw } : { problem: 'expected a real date' };
    }
    case 'datetime': {
      if (typeof raw === 'string' && DATE.test(raw)) {
        const parsed = new Date(`${raw}T00:00:00Z`);
        if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(raw)) return { value: parsed.toISOString() };
      }
      if (typeof raw !== 'string' || !DATETIME.test(raw)) return { problem: 'expected an ISO 8601 date and time' };
      const parsed = new Date(raw);
      return Number.isNaN(parsed.getTime()) ? { problem: 'expected a real date and time' } : { value: parsed.toISOString() };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { problem: 'expected true or false' };
    case 'option':
    case 'options':
      if (typeof raw !== 'string' || !target.options?.has(raw)) return { problem: `"${String(raw)}" is not an option of the field` };
      return { value: raw };
    case 'reference':
      return typeof raw === 'string' && UUID.test(raw) ? { value: raw.toLowerCase() } : { problem: 'expected an id (uuid)' };
    case 'json':
      return { problem: 'this field takes no value' };
  }
}

function conditionValue(target: Target, op: FilterOperator, raw: unknown): { value: ConditionValue } | { problem: string } {
  if (NO_VALUE.has(op)) return { value: null };
  if (op === 'between') {
    if (!Array.isArray(raw) || raw.length !== 2) return { problem: 'expected [from, to]' };
    const from = scalar(target, raw[0], op);
    const to = scalar(target, raw[1], op);
    if ('problem' in from) return from;
    if ('problem' in to) return to;
    if (from.value > to.value) return { problem: 'from is after to' };
    return { value: [from.value, to.value] };
  }
  if (op === 'in') {
    if (!Array.isArray(raw) || raw.length === 0) return { problem: 'expected a non-empty list' };
    if (raw.length > QUERY_LIMITS.maxInItems) return { problem: `at most ${QUERY_LIMITS.maxInItems} values` };
    const values: ScalarValue[] = [];
    for (const item of raw) {
      const checked = scalar(target, item, op);
      if ('problem' in checked) return checked;
      values.push(checked.value);
    }
    return { value: values };
  }
  if (raw === undefined || raw === null) return { problem: 'a value is needed' };
  return scalar(target, raw, op);
}

class FilterCompiler {
  conditions = 0;
  readonly issues: Issue[] = [];

  constructor(private readonly fields: Map<string, Target>) {}

  compile(node: unknown, path: string, depth: number): CompiledFilter | null {
    if (depth > QUERY_LIMITS.maxDepth) {
      this.issues.push(issue(path, 'query.depth', { limit: QUERY_LIMITS.maxDepth }));
      return null;
    }
    if (!isObject(node)) {
      this.issues.push(issue(path, 'query.shape', { detail: 'expected { and }, { or } or { field, op, value }' }));
      return null;
    }
    const group = 'and' in node ? 'and' : 'or' in node ? 'or' : null;
    if (group) {
      const children = node[group];
      if (Object.keys(node).length !== 1 || !Array.isArray(children)) {
        this.issues.push(issue(path, 'query.shape', { detail: `"${group}" takes a list and nothing beside it` }));
        return null;
      }
      const compiled = children.map((child, i) => this.compile(child, `${path}.${group}[${i}]`, depth + 1));
      return { kind: group, children: compiled.filter((c): c is CompiledFilter => c !== null) };
    }
    return this.condition(node, path);
  }

  private condition(node: Record<string, unknown>, path: string): CompiledCondition | null {
    if (++this.conditions > QUERY_LIMITS.maxConditions) {
      if (this.conditions === QUERY_LIMITS.maxConditions + 1) {
        this.issues.push(issue(path, 'query.shape', { detail: `at most ${QUERY_LIMITS.maxConditions} conditions` }));
      }
      return null;
    }
    const extra = Object.keys(node).filter((k) => k !== 'field' && k !== 'op' && k !== 'value');
    if (typeof node.field !== 'string' || typeof node.op !== 'string' || extra.length) {
      this.issues.push(issue(path, 'query.shape', { detail: 'a condition is { field, op, value }' }));
      return null;
    }
    const target = this.fields.get(node.field);
    if (!target) {
      this.issues.push(issue(`${path}.field`, 'query.unknownField', { field: node.field }));
      return null;
    }
    const op = node.op as FilterOperator;
    if (!target.operators.includes(op)) {
      this.issues.push(issue(`${path}.op`, 'query.operator', { op: node.op, type: target.kind }));
      return null;
    }
    const checked = conditionValue(target, op, node.value);
    if ('problem' in checked) {
      this.issues.push(issue(`${path}.value`, 'query.value', { op, detail: checked.problem }));
      return null;
    }
    return { kind: 'condition', field: target.key, system: target.system, valueKind: target.kind, op, value: checked.value };
  }
}

function compileSort(raw: unknown, fields: Map<string, Target>, issues: Issue[]): CompiledSort[] {
  const sort: CompiledSort[] = [];
  const list = raw === undefined ? [{ field: 'createdAt', dir: 'desc' }] : raw;
  if (!Array.isArray(list) || list.length > 5) {
    issues.push(issue('sort', 'query.shape', { detail: 'sort is a list of at most 5 { field, dir }' }));
    return [];
  }
  list.forEach((entry, i) => {
    const field = isObject(entry) ? entry.field : undefined;
    const dir = isObject(entry) ? (entry.dir ?? 'asc') : undefined;
    const target = typeof field === 'string' ? fields.get(field) : undefined;
    if (!target || !target.sortable || (dir !== 'asc' && dir !== 'desc')) {
      issues.push(issue(`sort[${i}]`, 'query.sort', { field: String(field) }));
      return;
    }
    if (target.key !== 'id') sort.push({ field: target.key, system: target.system, valueKind: target.kind, dir });
  });
  // The id breaks ties, so keyset pages never overlap or skip records.
  sort.push({ field: 'id', system: true, valueKind: 'reference', dir: 'asc' });
  return sort;
}

function compileList(raw: unknown, path: 'fields' | 'expand', fields: Map<string, Target>, definition: ModuleDefinition, issues: Issue[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 1000) {
    issues.push(issue(path, 'query.shape', { detail: `${path} is a list of field keys` }));
    return [];
  }
  const out: string[] = [];
  raw.forEach((key, i) => {
    const known = typeof key === 'string' && fields.has(key);
    const lookup = typeof key === 'string' && definition.fields.some((f) => f.key === key && f.type === 'lookup' && !f.archived);
    if (!known || (path === 'expand' && !lookup)) issues.push(issue(`${path}[${i}]`, 'query.unknownField', { field: String(key) }));
    else if (!out.includes(key)) out.push(key);
  });
  return out;
}

/**
 * Checks a query body against a module definition and returns its typed,
 * normalised form, or every problem with its path. Never throws, whatever
 * the input: an unknown field or an operator that does not fit the field's
 * type is an issue, not an exception.
 */
export function compileQuery(definition: ModuleDefinition, input: unknown): Result<CompiledQuery> {
  try {
    return compile(definition, input);
  } catch {
    return { ok: false, issues: [issue('', 'query.shape', { detail: 'the query could not be read' })] };
  }
}

function compile(definition: ModuleDefinition, input: unknown): Result<CompiledQuery> {
  const body = input === undefined || input === null ? {} : input;
  if (!isObject(body)) return { ok: false, issues: [issue('', 'query.shape', { detail: 'expected an object' })] };
  const issues: Issue[] = [];
  const unknown = Object.keys(body).filter((k) => !['filter', 'sort', 'limit', 'offset', 'cursor', 'fields', 'expand', 'count'].includes(k));
  for (const key of unknown) issues.push(issue(key, 'query.shape', { detail: `"${key}" is not part of a query` }));

  const fields = targets(definition);
  const filters = new FilterCompiler(fields);
  const filter = body.filter === undefined || body.filter === null ? null : filters.compile(body.filter, 'filter', 1);
  issues.push(...filters.issues);
  const sort = compileSort(body.sort, fields, issues);

  const limit = body.limit === undefined ? QUERY_LIMITS.defaultLimit : body.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > QUERY_LIMITS.maxLimit) {
    issues.push(issue('limit', 'query.limit', { limit: QUERY_LIMITS.maxLimit }));
  }
  if (body.offset !== undefined && body.cursor !== undefined) {
    issues.push(issue('cursor', 'query.shape', { detail: 'use cursor or offset, not both' }));
  }
  const offset = body.offset;
  if (offset !== undefined && (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > QUERY_LIMITS.maxOffset)) {
    issues.push(issue('offset', 'query.shape', { detail: `offset is a whole number from 0 to ${QUERY_LIMITS.maxOffset}` }));
  }
  const cursor = body.cursor === undefined ? undefined : decodeCursor(body.cursor, sort.length - 1);
  if (body.cursor !== undefined && !cursor) issues.push(issue('cursor', 'query.cursor'));
  const projected = compileList(body.fields, 'fields', fields, definition, issues);
  const expand = compileList(body.expand, 'expand', fields, definition, issues);

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      filter,
      sort,
      limit: limit as number,
      ...(offset !== undefined && { offset: offset as number }),
      ...(cursor && { cursor }),
      fields: projected,
      expand,
    },
  };
}
