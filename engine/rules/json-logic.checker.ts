import jsonLogic from 'json-logic-js';
import type { JsonLogic } from '../definition/module-definition.types';

/** Operators json-logic-js ships, minus `method` (it calls arbitrary methods on data). */
const KNOWN_OPERATORS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'reduce',
  'filter',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
  'log',
]);

/** Array operators whose second argument runs against each item, not against the record. */
const ITEM_SCOPED = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some']);

export interface LogicProblem {
  kind: 'operator' | 'shape' | 'field';
  detail: string;
}

/**
 * Finds what is wrong with a JsonLogic expression before it is stored: unknown
 * operators and `var` references to fields the record does not have.
 * `knownRoots` lists the first path segment a `var` may use (field keys, system fields).
 */
export function checkLogic(logic: JsonLogic, knownRoots: ReadonlySet<string>): LogicProblem[] {
  const problems: LogicProblem[] = [];
  walk(logic, true, knownRoots, problems);
  return problems;
}

function walk(node: unknown, recordScope: boolean, roots: ReadonlySet<string>, out: LogicProblem[]): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, recordScope, roots, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    out.push({ kind: 'shape', detail: `an operation must have exactly one operator, found ${keys.length}` });
    return;
  }
  const op = keys[0];
  if (!KNOWN_OPERATORS.has(op)) {
    out.push({ kind: 'operator', detail: `unknown operator "${op}"` });
    return;
  }
  const raw = (node as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    if (recordScope) checkVar(args[0], roots, out);
    walk(args.slice(1), recordScope, roots, out);
    return;
  }
  if (op === 'missing' && recordScope) {
    for (const name of args) if (typeof name === 'string') checkVar(name, roots, out);
  }
  if (ITEM_SCOPED.has(op)) {
    walk(args[0], recordScope, roots, out);
    walk(args.slice(1), false, roots, out);
    return;
  }
  walk(args, recordScope, roots, out);
}

function checkVar(path: unknown, roots: ReadonlySet<string>, out: LogicProblem[]): void {
  if (path === '' || path === null || path === undefined) return; // the whole record
  if (typeof path === 'number') return;
  if (typeof path !== 'string') {
    if (path !== null && typeof path === 'object') return; // computed path: checked at run time
    out.push({ kind: 'shape', detail: 'var needs a field name' });
    return;
  }
  const root = path.split('.')[0];
  if (!roots.has(root)) out.push({ kind: 'field', detail: root });
}

/** Evaluates JsonLogic; a rule that fails at run time counts as not holding. */
export function evaluateLogic(logic: JsonLogic, data: unknown): unknown {
  try {
    return jsonLogic.apply(logic as never, data);
  } catch {
    return undefined;
  }
}

export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
