import fc from 'fast-check';
import { definitionArb, keyArb } from '../definition/definition.arbitrary';
import type { ModuleDefinition } from '../definition/module-definition.types';
import { applyDiff } from './definition.differ';
import { emptyModule, planModuleChange } from './module-change.planner';
import { indexesFor } from './storage.planner';
import { RECENT_FIRST_COLUMNS, SYSTEM_COLUMNS } from './system-columns';

const casos: ModuleDefinition = {
  key: 'casos',
  version: 1,
  names: { singular: { es: 'Caso', en: 'Case' }, plural: { es: 'Casos', en: 'Cases' } },
  icon: 'briefcase',
  fields: [
    { key: 'numero', type: 'autonumber', label: { es: 'Número', en: 'Number' }, prefix: 'CAS-{{seq 6}}', start: 100 },
    { key: 'asunto', type: 'text', label: { es: 'Asunto', en: 'Subject' }, required: true, searchable: true, unique: true },
    { key: 'abierto', type: 'date', label: { es: 'Abierto', en: 'Opened' }, filterable: true },
  ],
};

describe('planModuleChange', () => {
  it('creates a module as the plan of its diff from the empty module: table, system indexes, sequences, columns, indexes', () => {
    const { operations, plan } = planModuleChange(undefined, casos);
    expect(operations.map((o) => o.op)).toEqual(['addField', 'addField', 'addField']);
    expect(plan.safe).toBe(true);
    expect(plan.steps.map((s) => [s.kind, 'column' in s ? s.column : null, 'index' in s ? s.index : null])).toEqual([
      ['createTable', null, null],
      ['createIndex', 'created_at', 'recent'],
      ['createIndex', 'updated_at', 'recent'],
      ['createSequence', 'numero', null],
      ['addColumn', 'numero', null],
      ['addColumn', 'asunto', null],
      ['createIndex', 'asunto', 'trigram'],
      ['createIndex', 'asunto', 'unique'],
      ['addColumn', 'abierto', null],
      ['createIndex', 'abierto', 'btree'],
    ]);
    expect(plan.steps[0]).toMatchObject({ kind: 'createTable', columns: SYSTEM_COLUMNS });
    expect(plan.steps[0].description.es).toBe('crea la tabla de «Casos» con sus columnas de sistema (id, created_at, created_by, updated_at, updated_by, owner, assignee, version, deleted_at)');
    expect(plan.steps[3]).toMatchObject({
      start: 100,
      description: { es: 'crea la secuencia de numeración de «Número» (empieza en 100)', en: 'creates the numbering sequence of "Number" (starts at 100)' },
    });
    expect(plan.steps[2].description).toEqual({ es: 'crea el índice de orden reciente de «Última modificación»', en: 'creates the recent-first index on "Last updated"' });
  });

  it('changing a module takes the same path without a table, and a field that becomes an autonumber gets its sequence', () => {
    const after = structuredClone(casos);
    after.fields[2] = { key: 'abierto', type: 'autonumber', label: { es: 'Abierto', en: 'Opened' }, prefix: 'A{{seq}}' };
    after.fields.push({ key: 'folio', type: 'autonumber', label: { es: 'Folio', en: 'Folio' }, prefix: 'F{{seq}}' });
    const { plan } = planModuleChange(casos, after);
    expect(plan.steps.map((s) => [s.kind, 'column' in s ? s.column : null])).toEqual([
      ['checkValues', 'abierto'],
      ['dropIndex', 'abierto'],
      ['createSequence', 'abierto'],
      ['alterColumnType', 'abierto'],
      ['createSequence', 'folio'],
      ['addColumn', 'folio'],
    ]);
    expect(plan.steps.some((s) => s.kind === 'createTable')).toBe(false);
  });

  it('property: a new module plans one table, each system index, a column per field, a sequence per autonumber and the indexes each field asks for', () => {
    const definitions = fc.uniqueArray(keyArb, { minLength: 1, maxLength: 8 }).chain((keys) => definitionArb(keys));
    fc.assert(
      fc.property(definitions, (definition) => {
        const { operations, plan } = planModuleChange(undefined, definition);
        expect(applyDiff(emptyModule(definition), operations)).toEqual({ ...definition, version: 0 });
        expect(plan.steps.filter((s) => s.kind === 'createTable')).toHaveLength(1);
        const columns = plan.steps.flatMap((s) => (s.kind === 'addColumn' ? [s.column] : []));
        expect(columns).toEqual(definition.fields.map((f) => f.key));
        const sequences = plan.steps.flatMap((s) => (s.kind === 'createSequence' ? [s.column] : []));
        expect(sequences).toEqual(definition.fields.filter((f) => f.type === 'autonumber').map((f) => f.key));
        const indexes = plan.steps.flatMap((s) => (s.kind === 'createIndex' ? [`${s.column}:${s.index}`] : []));
        expect(indexes).toEqual([...RECENT_FIRST_COLUMNS.map((c) => `${c.column}:recent`), ...definition.fields.flatMap((f) => indexesFor(f).map((index) => `${f.key}:${index}`))]);
        // A table made by the plan holds no records: nothing to check, nothing to drop.
        expect(plan.steps.some((s) => s.kind === 'checkValues' || s.kind === 'dropIndex' || s.kind === 'alterColumnType')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
