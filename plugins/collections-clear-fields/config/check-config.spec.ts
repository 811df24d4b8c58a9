import { COBRANZA, CONFIG } from '../cobranza.fixture';
import { checkClearFieldsConfig } from './check-config';

const check = (patch: Record<string, unknown>) => checkClearFieldsConfig({ ...CONFIG, ...patch }, COBRANZA);

describe('collections-clear-fields checkConfig', () => {
  it('accepts a config whose fields exist and can be cleared', () => {
    expect(checkClearFieldsConfig({ ...CONFIG }, COBRANZA)).toEqual([]);
  });

  it('refuses a config that is not an object', () => {
    expect(checkClearFieldsConfig('limpiar' as never, COBRANZA)).toEqual(['The collections-clear-fields config must be an object.']);
  });

  it('names missing keys and wrong shapes', () => {
    expect(checkClearFieldsConfig({}, COBRANZA)).toEqual([
      '"obligationsField" must be a non-empty string.',
      '"gestionModule" must be a non-empty string.',
      '"gestionLookup" must be a non-empty string.',
      '"recordFields" must be a list of field keys.',
      '"obligationFields" must be a list of field keys.',
    ]);
    expect(check({ recordFields: 'observacion_gestion', gestionLookup: '' })).toEqual(['"gestionLookup" must be a non-empty string.', '"recordFields" must be a list of field keys.']);
    expect(check({ recordFields: ['observacion_gestion', 7, 'observacion_gestion'] })).toEqual(['"recordFields[1]" must be a non-empty string.', '"recordFields" lists "observacion_gestion" twice.']);
    expect(check({ recordFields: [], obligationFields: [] })).toEqual(['The config clears nothing: recordFields and obligationFields are both empty.']);
    expect(check({ limpiarAlGuardar: true })).toEqual([
      'Unknown config key "limpiarAlGuardar"; collections-clear-fields takes recordFields, obligationsField, obligationFields, gestionModule, gestionLookup.',
    ]);
  });

  it("names a record field that is not among the module's fields", () => {
    expect(check({ recordFields: ['observacion_gestion', 'fecha_promesa'] })).toEqual(['Field "fecha_promesa" (recordFields) does not exist in module "cobranza".']);
  });

  it('refuses clearing locked, required, archived, computed and sub-table fields', () => {
    expect(check({ recordFields: ['monto_total', 'codigo_antiguo', 'expediente', 'obligaciones'] })).toEqual([
      'Field "monto_total" (recordFields) is a fixed (locked) field and cannot be cleared.',
      'Field "codigo_antiguo" (recordFields) is archived.',
      'Field "expediente" (recordFields) is a fixed (locked) field and cannot be cleared.',
      'Field "obligaciones" (recordFields) is a sub-table; list the obligation columns to clear in obligationFields instead.',
    ]);
    const definition = { ...COBRANZA, fields: COBRANZA.fields.map((f) => (f.key === 'observacion_gestion' ? { ...f, required: true } : f)) };
    expect(checkClearFieldsConfig({ ...CONFIG }, definition)).toEqual(['Field "observacion_gestion" (recordFields) is required, so clearing it would leave the record invalid.']);
  });

  it('names an obligations field that does not exist or is not a sub-table', () => {
    expect(check({ obligationsField: 'obligacion' })).toEqual(['Field "obligacion" (obligationsField) does not exist in module "cobranza".']);
    expect(check({ obligationsField: 'observacion_gestion' })).toEqual(['Field "observacion_gestion" (obligationsField) must be a sub-table, but it is a longText field.']);
  });

  it('names obligation columns that do not exist or cannot be cleared', () => {
    expect(check({ obligationFields: ['compromiso', 'promesa', 'saldo', 'id_obligacion'] })).toEqual([
      'Sub-table "obligaciones" has no column "promesa" (obligationFields).',
      'Column "obligaciones.saldo" (obligationFields) is a fixed (locked) field and cannot be cleared.',
      'Column "obligaciones.id_obligacion" (obligationFields) is required, so clearing it would leave the record invalid.',
    ]);
  });
});
