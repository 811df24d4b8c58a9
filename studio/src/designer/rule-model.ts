import type { JsonLogic } from '@crm/engine';

/**
 * The rule editor's model of a field condition: rows of "field operator value"
 * joined by AND or OR. It covers the conditions admins write by hand; any
 * other JsonLogic is left as it is and shown as advanced.
 */
export type RuleOperator = 'eq' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'empty' | 'notEmpty';
export const RULE_OPERATORS: readonly RuleOperator[] = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];

export type RuleValue = string | number | boolean;
export interface RuleRow {
  field: string;
  op: RuleOperator;
  /** A list for `in`; nothing for `empty` / `notEmpty`. */
  value?: RuleValue | RuleValue[];
}
export interface RuleModel {
  join: 'and' | 'or';
  rows: RuleRow[];
}

const BINARY: Record<string, RuleOperator> = { '==': 'eq', '===': 'eq', '!=': 'neq', '!==': 'neq', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', in: 'in' };
const SYMBOL: Partial<Record<RuleOperator, string>> = { eq: '==', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=', in: 'in' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is RuleValue => ['string', 'number', 'boolean'].includes(typeof value);

/** `{ "var": "estado" }` → `estado`. */
function varName(node: unknown): string | null {
  if (!isObject(node) || Object.keys(node).length !== 1 || !('var' in node)) return null;
  const name = Array.isArray(node.var) ? node.var[0] : node.var;
  return typeof name === 'string' && name ? name : null;
}

function rowOf(node: unknown): RuleRow | null {
  if (!isObject(node) || Object.keys(node).length !== 1) return null;
  const [operator, raw] = Object.entries(node)[0];
  const args = Array.isArray(raw) ? raw : [raw];
  if (operator === '!' || operator === '!!') {
    const field = varName(args[0]);
    return field && args.length === 1 ? { field, op: operator === '!' ? 'empty' : 'notEmpty' } : null;
  }
  const op = BINARY[operator];
  if (!op || args.length !== 2) return null;
  const field = varName(args[0]);
  if (!field) return null;
  if (op === 'in') return Array.isArray(args[1]) && args[1].every(isScalar) ? { field, op, value: args[1] as RuleValue[] } : null;
  return isScalar(args[1]) ? { field, op, value: args[1] } : null;
}

/** The rows of a condition, or null when the condition is beyond what the editor draws. */
export function parseRule(logic: JsonLogic | undefined): RuleModel | null {
  if (logic === undefined) return { join: 'and', rows: [] };
  if (isObject(logic) && Object.keys(logic).length === 1 && ('and' in logic || 'or' in logic)) {
    const join = 'and' in logic ? 'and' : 'or';
    const parts = logic[join];
    if (!Array.isArray(parts)) return null;
    const rows = parts.map(rowOf);
    return rows.every((r): r is RuleRow => r !== null) ? { join, rows } : null;
  }
  const row = rowOf(logic);
  return row ? { join: 'and', rows: [row] } : null;
}

function rowLogic(row: RuleRow): JsonLogic {
  const variable = { var: row.field };
  if (row.op === 'empty') return { '!': [variable] };
  if (row.op === 'notEmpty') return { '!!': [variable] };
  const value = row.op === 'in' ? (Array.isArray(row.value) ? row.value : row.value === undefined ? [] : [row.value]) : Array.isArray(row.value) ? row.value[0] : row.value;
  return { [SYMBOL[row.op] as string]: [variable, value ?? ''] } as JsonLogic;
}

/** JsonLogic of the rows; undefined (no condition) when there are none. */
export function buildRule(model: RuleModel): JsonLogic | undefined {
  const rows = model.rows.filter((r) => r.field);
  if (rows.length === 0) return undefined;
  if (rows.length === 1) return rowLogic(rows[0]);
  return { [model.join]: rows.map(rowLogic) } as JsonLogic;
}

export const needsValue = (op: RuleOperator) => op !== 'empty' && op !== 'notEmpty';
