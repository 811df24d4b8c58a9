import { valueKind, type ValueKind } from '../definition/field-type.registry';
import { SYSTEM_FIELDS, type SystemFieldKey } from '../definition/system-columns';
import type { ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import { issue } from '../issues/issue.messages';
import type { Issue, Result } from '../issues/issue.types';
import { AGGREGATE_LIMITS, DATE_BUCKETS, MEASURE_OPS, type CompiledAggregate, type CompiledGroupBy, type CompiledMeasure, type DateBucket, type MeasureOp } from './aggregate.types';
import { compileQuery } from './query.compiler';

interface Target {
  key: string;
  system: boolean;
  kind: ValueKind;
  type: string;
  options?: string[];
}

const GROUPABLE: ReadonlySet<ValueKind> = new Set(['string', 'number', 'date', 'datetime', 'boolean', 'option', 'reference']);
const NUMERIC: ReadonlySet<ValueKind> = new Set(['number']);
const DATED: ReadonlySet<ValueKind> = new Set(['date', 'datetime']);
/** System fields a group or measure may name: the users behind a record and its dates. */
const SYSTEM_TARGETS: readonly SystemFieldKey[] = ['owner', 'assignee', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'version'];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function target(definition: ModuleDefinition, key: string): Target | null {
  if ((SYSTEM_TARGETS as readonly string[]).includes(key)) {
    const facts = SYSTEM_FIELDS[key as SystemFieldKey];
    return { key, system: true, kind: facts.kind, type: facts.kind === 'reference' ? 'user' : facts.kind };
  }
  const field: ModuleField | undefined = definition.fields.find((f) => f.key === key && !f.archived);
  if (!field) return null;
  return { key, system: false, kind: valueKind(field), type: field.type, ...('options' in field && { options: field.options.map((o) => o.key) }) };
}

function extraKeys(node: Record<string, unknown>, allowed: string[], path: string, issues: Issue[]): void {
  for (const key of Object.keys(node)) if (!allowed.includes(key)) issues.push(issue(path ? `${path}.${key}` : key, 'aggregate.shape', { detail: `"${key}" is not part of it` }));
}

function compileGroups(definition: ModuleDefinition, raw: unknown, issues: Issue[]): CompiledGroupBy[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > AGGREGATE_LIMITS.maxGroups) {
    issues.push(issue('groups', 'aggregate.shape', { detail: `groups is a list of at most ${AGGREGATE_LIMITS.maxGroups} { field, bucket }` }));
    return [];
  }
  const out: CompiledGroupBy[] = [];
  raw.forEach((entry, i) => {
    const path = `groups[${i}]`;
    if (!isObject(entry) || typeof entry.field !== 'string') {
      issues.push(issue(path, 'aggregate.shape', { detail: 'a group is { field, bucket }' }));
      return;
    }
    extraKeys(entry, ['field', 'bucket'], path, issues);
    const found = target(definition, entry.field);
    if (!found) {
      issues.push(issue(`${path}.field`, 'aggregate.unknownField', { field: entry.field }));
      return;
    }
    if (!GROUPABLE.has(found.kind)) {
      issues.push(issue(`${path}.field`, 'aggregate.notGroupable', { field: entry.field, type: found.type }));
      return;
    }
    const dated = DATED.has(found.kind);
    const bucket = entry.bucket;
    if (dated && (typeof bucket !== 'string' || !(DATE_BUCKETS as readonly string[]).includes(bucket) || (found.kind === 'date' && bucket === 'hour'))) {
      issues.push(issue(`${path}.bucket`, 'aggregate.bucket', { buckets: (found.kind === 'date' ? DATE_BUCKETS.filter((b) => b !== 'hour') : DATE_BUCKETS).join(', ') }));
      return;
    }
    if (!dated && bucket !== undefined) {
      issues.push(issue(`${path}.bucket`, 'aggregate.noBucket', { field: entry.field }));
      return;
    }
    if (out.some((g) => g.field === found.key && g.bucket === (dated ? bucket : null))) {
      issues.push(issue(`${path}.field`, 'aggregate.shape', { detail: 'the same group twice' }));
      return;
    }
    out.push({ field: found.key, system: found.system, valueKind: found.kind, type: found.type, bucket: dated ? (bucket as DateBucket) : null, ...(found.options && { options: found.options }) });
  });
  return out;
}

function compileMeasures(definition: ModuleDefinition, raw: unknown, issues: Issue[]): CompiledMeasure[] {
  if (raw === undefined) return [{ op: 'count', field: null, system: false, valueKind: null }];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > AGGREGATE_LIMITS.maxMeasures) {
    issues.push(issue('measures', 'aggregate.shape', { detail: `measures is a list of 1 to ${AGGREGATE_LIMITS.maxMeasures} { op, field }` }));
    return [];
  }
  const out: CompiledMeasure[] = [];
  raw.forEach((entry, i) => {
    const path = `measures[${i}]`;
    if (!isObject(entry) || typeof entry.op !== 'string' || !(MEASURE_OPS as readonly string[]).includes(entry.op)) {
      issues.push(issue(`${path}.op`, 'aggregate.measureOp', { ops: MEASURE_OPS.join(', ') }));
      return;
    }
    extraKeys(entry, ['op', 'field'], path, issues);
    const op = entry.op as MeasureOp;
    if (op === 'count') {
      if (entry.field !== undefined) issues.push(issue(`${path}.field`, 'aggregate.countField'));
      else out.push({ op, field: null, system: false, valueKind: null });
      return;
    }
    if (typeof entry.field !== 'string') {
      issues.push(issue(`${path}.field`, 'aggregate.shape', { detail: `"${op}" needs a field` }));
      return;
    }
    const found = target(definition, entry.field);
    if (!found) {
      issues.push(issue(`${path}.field`, 'aggregate.unknownField', { field: entry.field }));
      return;
    }
    const fits = NUMERIC.has(found.kind) || ((op === 'min' || op === 'max') && DATED.has(found.kind));
    if (!fits) {
      issues.push(issue(`${path}.field`, 'aggregate.measureType', { op, field: entry.field, type: found.type }));
      return;
    }
    out.push({ op, field: found.key, system: found.system, valueKind: found.kind });
  });
  return out;
}

function compileOrder(raw: unknown, measures: number, issues: Issue[]): CompiledAggregate['order'] {
  const fallback: CompiledAggregate['order'] = { by: 'label', measure: 0, dir: 'asc' };
  if (raw === undefined) return fallback;
  if (!isObject(raw) || (raw.by !== 'label' && raw.by !== 'value')) {
    issues.push(issue('order.by', 'aggregate.order'));
    return fallback;
  }
  extraKeys(raw, ['by', 'measure', 'dir'], 'order', issues);
  const dir = raw.dir ?? 'asc';
  if (dir !== 'asc' && dir !== 'desc') issues.push(issue('order.dir', 'aggregate.order'));
  const measure = raw.measure ?? 0;
  if (typeof measure !== 'number' || !Number.isInteger(measure) || measure < 0 || measure >= Math.max(measures, 1) || (raw.by === 'label' && raw.measure !== undefined)) {
    issues.push(issue('order.measure', 'aggregate.orderMeasure', { max: Math.max(measures, 1) - 1 }));
  }
  return { by: raw.by, measure: typeof measure === 'number' ? measure : 0, dir: dir === 'desc' ? 'desc' : 'asc' };
}

/**
 * Checks an aggregation body against a module definition and returns its
 * typed form, or every problem with its path (`groups[0].field`,
 * `measures[1].op`, `filter.and[2].value`…). Never throws.
 */
export function compileAggregate(definition: ModuleDefinition, input: unknown): Result<CompiledAggregate> {
  try {
    return compile(definition, input);
  } catch {
    return { ok: false, issues: [issue('', 'aggregate.shape', { detail: 'the aggregation could not be read' })] };
  }
}

function compile(definition: ModuleDefinition, input: unknown): Result<CompiledAggregate> {
  const body = input === undefined || input === null ? {} : input;
  if (!isObject(body)) return { ok: false, issues: [issue('', 'aggregate.shape', { detail: 'expected an object' })] };
  const issues: Issue[] = [];
  extraKeys(body, ['filter', 'groups', 'measures', 'order', 'limit'], '', issues);
  const filtered = compileQuery(definition, body.filter === undefined ? {} : { filter: body.filter });
  if (!filtered.ok) issues.push(...filtered.issues);
  const groups = compileGroups(definition, body.groups, issues);
  const measures = compileMeasures(definition, body.measures, issues);
  const order = compileOrder(body.order, measures.length, issues);
  const limit = body.limit ?? AGGREGATE_LIMITS.defaultLimit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > AGGREGATE_LIMITS.maxLimit) issues.push(issue('limit', 'aggregate.limit', { limit: AGGREGATE_LIMITS.maxLimit }));
  if (issues.length || !filtered.ok) return { ok: false, issues };
  return { ok: true, value: { filter: filtered.value.filter, groups, measures, order, limit: limit as number } };
}
