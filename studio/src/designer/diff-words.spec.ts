import { describe, expect, it } from '@jest/globals';
import { diffDefinitions, FIELD_TYPES, type DiffOperation, type ModuleDefinition } from '@crm/engine';
import fc from 'fast-check';
import { translator } from '../i18n/translate';
import { describeOperation, typeName } from './diff-words';

const es = translator('es');
const en = translator('en');
const text = (es: string, en = es) => ({ es, en });

const before: ModuleDefinition = {
  key: 'vehiculos',
  version: 1,
  icon: 'car',
  names: { singular: text('Vehículo', 'Vehicle'), plural: text('Vehículos', 'Vehicles') },
  fields: [
    { key: 'placa', type: 'text', label: text('Placa', 'Plate') },
    { key: 'color', type: 'select', label: text('Color'), options: [{ key: 'rojo', label: text('Rojo', 'Red') }] },
    { key: 'notas', type: 'longText', label: text('Notas', 'Notes') },
  ],
};

describe('diff-words', () => {
  it('names each field type in both languages', () => {
    expect(typeName(es.t, 'text')).toBe('Texto');
    expect(typeName(en.t, 'text')).toBe('Text');
    for (const type of FIELD_TYPES) {
      expect(typeName(es.t, type)).not.toBe(`fieldType.${type}`);
      expect(typeName(en.t, type)).not.toBe(`fieldType.${type}`);
    }
  });

  it('says what an operation does with the labels the admin knows', () => {
    const add: DiffOperation = { op: 'addField', field: { key: 'modelo', type: 'text', label: text('Modelo', 'Model') }, index: 3 };
    expect(describeOperation(add, before, undefined, es)).toBe('agrega el campo «Modelo» (Texto)');
    expect(describeOperation(add, before, undefined, en)).toBe('adds the field "Model" (Text)');
    expect(describeOperation({ op: 'archiveField', key: 'notas' }, before, undefined, es)).toBe('archiva el campo «Notas» (los datos se conservan)');
    expect(describeOperation({ op: 'archiveField', key: 'perdido' }, before, undefined, es)).toBe('archiva el campo «perdido» (los datos se conservan)');
    expect(describeOperation({ op: 'removeOption', key: 'color', option: 'rojo' }, before, undefined, en)).toContain('"Red"');
  });

  it('says plainly that a field becomes required, or stops being', () => {
    const op = (required: boolean): DiffOperation => ({ op: 'changeFieldOptions', key: 'placa', type: 'text', set: { required }, unset: [], before: {} });
    expect(describeOperation(op(true), before, undefined, es)).toBe('hace obligatorio «Placa»');
    expect(describeOperation(op(false), before, undefined, en)).toBe('"Plate" is no longer required');
  });

  it('names a relabelled field by its old label and gives the new one', () => {
    const after = { ...before, fields: before.fields.map((f) => (f.key === 'placa' ? { ...f, label: text('Matrícula', 'Licence') } : f)) };
    const [op] = diffDefinitions(before, after);
    expect(op.op).toBe('relabelField');
    expect(describeOperation(op, before, after, es)).toBe('cambia la etiqueta o la ayuda de «Placa» a «Matrícula»');
  });

  it('shows a label the admin typed verbatim, braces included', () => {
    const op: DiffOperation = { op: 'addOption', key: 'color', option: { key: 'nuevo', label: text('{field}') }, index: 1 };
    expect(describeOperation(op, before, undefined, es)).toBe('agrega la opción «{field}» a «Color»');
  });

  it('leaves no placeholder unfilled, whatever the change', () => {
    // Braces are kept out of the admin's text here so that a `{name}` left in the words can only come from a template.
    const typed = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((s) => !/[{}]/.test(s));
    const changeArb = fc.record({
      label: typed(12),
      required: fc.boolean(),
      drop: fc.boolean(),
      option: typed(8),
      type: fc.constantFrom(...FIELD_TYPES.filter((t) => t === 'text' || t === 'longText' || t === 'email')),
    });
    fc.assert(
      fc.property(changeArb, ({ label, required, drop, option, type }) => {
        const fields = before.fields
          .filter((f) => !(drop && f.key === 'notas'))
          .map((f) => {
            if (f.key === 'placa') return { ...f, label: text(label), required };
            if (f.key === 'color' && f.type === 'select') return { ...f, options: [...f.options, { key: 'nuevo', label: text(option) }] };
            return f;
          });
        const after: ModuleDefinition = { ...before, fields: [...fields, { key: 'extra', type, label: text('Extra') } as ModuleDefinition['fields'][number]] };
        for (const op of diffDefinitions(before, after)) {
          for (const i18n of [es, en]) {
            const words = describeOperation(op, before, after, i18n);
            expect(words.length).toBeGreaterThan(0);
            expect(words).not.toMatch(/\{\w+\}/);
            expect(words).not.toMatch(/^diff\./);
          }
        }
      }),
    );
  });
});
