import Decimal from 'decimal.js';
import type { FormulaField, ModuleDefinition } from '../definition/module-definition.types';
import { evaluateLogic, truthy } from './json-logic.checker';

/** Shapes a raw JsonLogic result into the formula's declared result type; null when it cannot. */
export function coerceFormulaResult(field: Pick<FormulaField, 'resultType' | 'scale'>, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  switch (field.resultType) {
    case 'text':
      return String(raw);
    case 'boolean':
      return truthy(raw);
    case 'date': {
      const when = new Date(String(raw));
      return Number.isNaN(when.getTime()) ? null : when.toISOString().slice(0, 10);
    }
    case 'integer':
    case 'decimal':
    case 'currency':
    case 'percent': {
      const numeric = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(numeric)) return null;
      // JsonLogic computes in binary floating point; going through the shortest
      // decimal text of the result and rounding half-up gives the cents people expect.
      const scale = field.resultType === 'integer' ? 0 : (field.scale ?? 2);
      const rounded = new Decimal(String(numeric)).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
      return field.resultType === 'integer' ? rounded.toNumber() : rounded.toFixed(scale);
    }
  }
}

/**
 * Values of every active formula field for a record. Formulas may use other
 * formulas: evaluation repeats until nothing changes (at most once per formula),
 * so any order of definition works for an acyclic set.
 */
export function computeFormulas(definition: ModuleDefinition, record: Record<string, unknown>): Record<string, unknown> {
  const formulas = definition.fields.filter((f): f is FormulaField => f.type === 'formula' && !f.archived);
  if (formulas.length === 0) return {};
  const scope: Record<string, unknown> = { ...record };
  const out: Record<string, unknown> = {};
  for (let pass = 0; pass < formulas.length; pass++) {
    let changed = false;
    for (const field of formulas) {
      const value = coerceFormulaResult(field, evaluateLogic(field.formula, scope));
      if (scope[field.key] !== value) {
        scope[field.key] = value;
        changed = true;
      }
      out[field.key] = value;
    }
    if (!changed) break;
  }
  return out;
}
