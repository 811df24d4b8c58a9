import fc from 'fast-check';
import { definitionArb, definitionPairArb, keyArb } from '../definition/definition.arbitrary';
import { validateDefinition } from '../definition/definition.validator';
import type { ModuleDefinition } from '../definition/module-definition.types';
import { applyDiff, diffDefinitions } from './definition.differ';

const base: ModuleDefinition = {
  key: 'vehiculos',
  version: 1,
  names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } },
  icon: 'car',
  fields: [
    { key: 'placa', type: 'text', label: { es: 'Placa', en: 'Plate' }, required: true, searchable: true },
    {
      key: 'marca',
      type: 'select',
      label: { es: 'Marca', en: 'Make' },
      options: [
        { key: 'chevrolet', label: { es: 'Chevrolet', en: 'Chevrolet' } },
        { key: 'renault', label: { es: 'Renault', en: 'Renault' } },
      ],
    },
    { key: 'edad', type: 'text', label: { es: 'Edad', en: 'Age' } },
    { key: 'observaciones', type: 'longText', label: { es: 'Observaciones', en: 'Notes' } },
  ],
};

describe('diffDefinitions', () => {
  it('describes each kind of change as its own operation', () => {
    const after: ModuleDefinition = structuredClone(base);
    after.fields = after.fields.filter((f) => f.key !== 'observaciones');
    after.fields[0].label = { es: 'Placa del vehículo', en: 'License plate' };
    after.fields[2] = { key: 'edad', type: 'integer', label: { es: 'Edad', en: 'Age' } };
    (after.fields[1] as { options: unknown[] }).options.push({ key: 'mazda', label: { es: 'Mazda', en: 'Mazda' } });
    after.fields.push({ key: 'soat', type: 'date', label: { es: 'Vencimiento SOAT', en: 'SOAT expiry' }, required: true });

    const ops = diffDefinitions(base, after);
    expect(ops.map((o) => o.op).sort()).toEqual(['addField', 'addOption', 'archiveField', 'changeFieldType', 'relabelField'].sort());
    expect(ops).toContainEqual({ op: 'archiveField', key: 'observaciones' });
    expect(ops).toContainEqual(expect.objectContaining({ op: 'changeFieldType', key: 'edad', to: expect.objectContaining({ type: 'integer' }) }));
  });

  it('never drops a field: a removed field comes back archived with its definition', () => {
    const after = { ...base, fields: base.fields.slice(0, 2) };
    const result = applyDiff(base, diffDefinitions(base, after));
    expect(result.fields.map((f) => [f.key, f.archived ?? false])).toEqual([
      ['placa', false],
      ['marca', false],
      ['edad', true],
      ['observaciones', true],
    ]);
  });

  it('restores an archived field', () => {
    const archived = applyDiff(base, [{ op: 'archiveField', key: 'edad' }]);
    const ops = diffDefinitions(archived, base);
    expect(ops).toEqual([{ op: 'restoreField', key: 'edad' }]);
    expect(applyDiff(archived, ops)).toEqual(base);
  });

  it('returns no operation for equal definitions', () => {
    expect(diffDefinitions(base, structuredClone(base))).toEqual([]);
  });

  it('property: applying diff(a, b) to a yields b', () => {
    fc.assert(
      fc.property(definitionPairArb, ([a, b]) => {
        expect(applyDiff(a, diffDefinitions(a, b))).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a field left out of b is archived, never lost, and active fields equal b', () => {
    const pair = fc.uniqueArray(keyArb, { minLength: 2, maxLength: 8 }).chain((keys) => fc.tuple(definitionArb(keys), fc.subarray(keys)));
    fc.assert(
      fc.property(pair, ([a, kept]) => {
        const b = { ...a, fields: a.fields.filter((f) => kept.includes(f.key)) };
        const result = applyDiff(a, diffDefinitions(a, b));
        expect(result.fields.map((f) => f.key).sort()).toEqual(a.fields.map((f) => f.key).sort());
        expect(result.fields.filter((f) => !f.archived).map((f) => f.key)).toEqual(b.fields.filter((f) => !f.archived).map((f) => f.key));
      }),
      { numRuns: 200 },
    );
  });

  it('property: generated definitions are valid, so the generator tests real shapes', () => {
    fc.assert(
      fc.property(definitionPairArb, ([a, b]) => {
        const modules = ['contactos', 'empresas'];
        const checkA = validateDefinition(a, { modules });
        const checkB = validateDefinition(b, { modules });
        expect(checkA.ok ? [] : checkA.issues).toEqual([]);
        expect(checkB.ok ? [] : checkB.issues).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
