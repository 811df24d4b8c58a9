import type { FieldType, ModuleDefinition, ModuleField, SubtableField } from '@crm/engine';
import { LINE, TOTAL_KEYS } from './quote-totals.config';

const CONFIG_KEYS = ['linesField', 'productModule', 'priceListField', 'totals'];
const MONEY: readonly FieldType[] = ['currency', 'decimal'];
const NUMBER: readonly FieldType[] = ['decimal', 'integer', 'currency', 'percent'];
const PERCENT: readonly FieldType[] = ['percent', 'decimal'];

/** Every line column the plugin reads or writes, with the field types it accepts (`tipo_costo` is optional). */
const LINE_COLUMNS: { key: string; types: readonly FieldType[]; role: string }[] = [
  { key: LINE.product, types: ['lookup'], role: 'the product' },
  { key: LINE.listPrice, types: MONEY, role: 'the list price' },
  { key: LINE.quantity, types: NUMBER, role: 'the quantity' },
  { key: LINE.amount, types: MONEY, role: 'the amount' },
  { key: LINE.discount, types: PERCENT, role: 'the discount percent' },
  { key: LINE.discountManual, types: ['boolean'], role: 'whether the discount was edited' },
  { key: LINE.tax, types: PERCENT, role: 'the tax percent' },
  { key: LINE.taxManual, types: ['boolean'], role: 'whether the tax was edited' },
  { key: LINE.total, types: MONEY, role: 'the line total' },
];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isKey = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const typeList = (types: readonly FieldType[]) => types.join(' or ');

/**
 * Checks the config `quote-totals` gets from a definition: its shape, and that
 * every field key it names exists in the module with a type the plugin can use.
 * Returns plain English sentences; none when the config is usable.
 */
export function checkQuoteTotalsConfig(config: Record<string, unknown>, definition: ModuleDefinition): string[] {
  if (!isObject(config)) return ['The quote-totals config must be an object.'];
  const problems: string[] = [];
  const fields = new Map(definition.fields.map((f) => [f.key, f]));
  const field = (key: string, role: string, types: readonly FieldType[]): ModuleField | undefined => {
    const found = fields.get(key);
    if (!found) problems.push(`Field "${key}" (${role}) does not exist in module "${definition.key}".`);
    else if (found.archived) problems.push(`Field "${key}" (${role}) is archived.`);
    else if (!types.includes(found.type)) problems.push(`Field "${key}" (${role}) must be a ${typeList(types)} field, but it is a ${found.type} field.`);
    else return found;
    return undefined;
  };

  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) problems.push(`Unknown config key "${key}"; quote-totals takes ${CONFIG_KEYS.join(', ')}.`);
  }
  for (const key of ['linesField', 'productModule', 'priceListField']) {
    if (!isKey(config[key])) problems.push(`"${key}" must be a non-empty string.`);
  }

  if (isKey(config.linesField)) {
    const lines = field(config.linesField, 'linesField', ['subtable']) as SubtableField | undefined;
    if (lines) problems.push(...checkLineColumns(lines, isKey(config.productModule) ? config.productModule : undefined));
  }
  if (isKey(config.priceListField)) field(config.priceListField, 'priceListField', ['text', 'select', 'lookup']);

  if (!isObject(config.totals)) {
    problems.push(`"totals" must be an object with the field keys ${TOTAL_KEYS.join(', ')}.`);
  } else {
    const totals = config.totals;
    for (const key of Object.keys(totals)) {
      if (!TOTAL_KEYS.includes(key as never)) problems.push(`Unknown key "totals.${key}"; totals takes ${TOTAL_KEYS.join(', ')}.`);
    }
    const seen = new Map<string, string>();
    for (const key of TOTAL_KEYS) {
      const target = totals[key];
      if (!isKey(target)) {
        problems.push(`"totals.${key}" must be a non-empty string (the key of a currency field).`);
        continue;
      }
      const before = seen.get(target);
      if (before) problems.push(`"totals.${before}" and "totals.${key}" both name field "${target}".`);
      seen.set(target, key);
      field(target, `totals.${key}`, MONEY);
    }
  }
  return problems;
}

function checkLineColumns(lines: SubtableField, productModule: string | undefined): string[] {
  const problems: string[] = [];
  const columns = new Map(lines.columns.map((c) => [c.key, c]));
  for (const { key, types, role } of LINE_COLUMNS) {
    const column = columns.get(key);
    if (!column) problems.push(`Sub-table "${lines.key}" has no column "${key}" (${role}), which quote-totals needs.`);
    else if (column.archived) problems.push(`Column "${lines.key}.${key}" (${role}) is archived.`);
    else if (!types.includes(column.type)) problems.push(`Column "${lines.key}.${key}" (${role}) must be a ${typeList(types)} field, but it is a ${column.type} field.`);
  }
  const product = columns.get(LINE.product);
  if (product?.type === 'lookup' && productModule && product.target !== productModule) {
    problems.push(`Column "${lines.key}.${LINE.product}" points to module "${product.target}", but productModule is "${productModule}".`);
  }
  return problems;
}
