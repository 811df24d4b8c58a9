import type { ModuleDefinition, SubtableField } from '@crm/engine';
import { COTIZACIONES, CONFIG } from '../quote.fixture';
import { checkQuoteTotalsConfig } from './check-config';

const withConfig = (patch: Record<string, unknown>) => ({ ...CONFIG, ...patch }) as Record<string, unknown>;
const check = (config: Record<string, unknown>, definition: ModuleDefinition = COTIZACIONES) => checkQuoteTotalsConfig(config, definition);

/** The fixture module with its lines sub-table changed. */
function withColumns(change: (columns: SubtableField['columns']) => SubtableField['columns']): ModuleDefinition {
  return {
    ...COTIZACIONES,
    fields: COTIZACIONES.fields.map((f) => (f.type === 'subtable' ? { ...f, columns: change(f.columns) } : f)),
  };
}

describe('quote-totals checkConfig', () => {
  it('accepts the config of a well-formed quotes module', () => {
    expect(check({ ...CONFIG })).toEqual([]);
  });

  it('refuses a config that is not an object', () => {
    expect(check(null as never)).toEqual(['The quote-totals config must be an object.']);
    expect(check([] as never)).toEqual(['The quote-totals config must be an object.']);
  });

  it('names missing and empty keys', () => {
    expect(check({})).toEqual([
      '"linesField" must be a non-empty string.',
      '"productModule" must be a non-empty string.',
      '"priceListField" must be a non-empty string.',
      '"totals" must be an object with the field keys subtotal, discount, tax, total.',
    ]);
    expect(check(withConfig({ productModule: ' ' }))).toEqual(['"productModule" must be a non-empty string.']);
  });

  it('names unknown config keys', () => {
    expect(check(withConfig({ rounding: 'up' }))).toEqual(['Unknown config key "rounding"; quote-totals takes linesField, productModule, priceListField, totals.']);
  });

  it('names a lines field that does not exist or is not a sub-table', () => {
    expect(check(withConfig({ linesField: 'items' }))).toEqual(['Field "items" (linesField) does not exist in module "cotizaciones".']);
    expect(check(withConfig({ linesField: 'asunto' }))).toEqual(['Field "asunto" (linesField) must be a subtable field, but it is a text field.']);
  });

  it('names a missing or mistyped line column', () => {
    expect(
      check(
        { ...CONFIG },
        withColumns((cols) => cols.filter((c) => c.key !== 'cantidad')),
      ),
    ).toEqual(['Sub-table "lineas" has no column "cantidad" (the quantity), which quote-totals needs.']);
    expect(
      check(
        { ...CONFIG },
        withColumns((cols) => cols.map((c) => (c.key === 'descuento_manual' ? { ...c, type: 'text' } : c)) as SubtableField['columns']),
      ),
    ).toEqual(['Column "lineas.descuento_manual" (whether the discount was edited) must be a boolean field, but it is a text field.']);
  });

  it('names a product lookup that points to another module than productModule', () => {
    expect(check(withConfig({ productModule: 'servicios' }))).toEqual(['Column "lineas.producto" points to module "productos", but productModule is "servicios".']);
  });

  it('names a price list field that does not exist', () => {
    expect(check(withConfig({ priceListField: 'precio_cotizacion' }))).toEqual(['Field "precio_cotizacion" (priceListField) does not exist in module "cotizaciones".']);
  });

  it('names wrong totals', () => {
    expect(check(withConfig({ totals: { subtotal: 'subtotal', discount: 'descuento_total', tax: 'iva', total: 'asunto', grand: 'x' } }))).toEqual([
      'Unknown key "totals.grand"; totals takes subtotal, discount, tax, total.',
      'Field "iva" (totals.tax) does not exist in module "cotizaciones".',
      'Field "asunto" (totals.total) must be a currency or decimal field, but it is a text field.',
    ]);
    expect(check(withConfig({ totals: { subtotal: 'subtotal', discount: 'descuento_total', tax: 'impuesto_total' } }))).toEqual([
      '"totals.total" must be a non-empty string (the key of a currency field).',
    ]);
    expect(check(withConfig({ totals: { subtotal: 'total', discount: 'descuento_total', tax: 'impuesto_total', total: 'total' } }))).toEqual([
      '"totals.subtotal" and "totals.total" both name field "total".',
    ]);
  });

  it('names an archived field', () => {
    const definition = { ...COTIZACIONES, fields: COTIZACIONES.fields.map((f) => (f.key === 'subtotal' ? { ...f, archived: true } : f)) };
    expect(check({ ...CONFIG }, definition)).toEqual(['Field "subtotal" (totals.subtotal) is archived.']);
  });
});
