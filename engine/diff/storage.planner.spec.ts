import type { ModuleDefinition } from '../definition/module-definition.types';
import { diffDefinitions } from './definition.differ';
import { planStorage } from './storage.planner';

const contactos: ModuleDefinition = {
  key: 'contactos',
  version: 3,
  names: { singular: { es: 'Contacto', en: 'Contact' }, plural: { es: 'Contactos', en: 'Contacts' } },
  icon: 'user',
  fields: [
    { key: 'nombre', type: 'text', label: { es: 'Nombre', en: 'Name' }, searchable: true },
    { key: 'edad', type: 'text', label: { es: 'Edad', en: 'Age' } },
    { key: 'saldo', type: 'decimal', label: { es: 'Saldo', en: 'Balance' }, scale: 2 },
    { key: 'telefono', type: 'phone', label: { es: 'Teléfono', en: 'Phone' } },
    {
      key: 'canal',
      type: 'select',
      label: { es: 'Canal', en: 'Channel' },
      filterable: true,
      options: [
        { key: 'whatsapp', label: { es: 'WhatsApp', en: 'WhatsApp' } },
        { key: 'telefono', label: { es: 'Teléfono', en: 'Phone' } },
      ],
    },
  ],
};

const planFor = (change: (d: ModuleDefinition) => void) => {
  const after = structuredClone(contactos);
  change(after);
  return planStorage(diffDefinitions(contactos, after), contactos);
};

describe('planStorage', () => {
  it('adds a column and its indexes, safe', () => {
    const plan = planFor((d) => d.fields.push({ key: 'email', type: 'email', label: { es: 'Correo', en: 'E-mail' }, searchable: true, unique: true }));
    expect(plan.steps.map((s) => [s.kind, s.safety])).toEqual([
      ['addColumn', 'safe'],
      ['createIndex', 'safe'],
      ['checkValues', 'needsDataCheck'],
      ['createIndex', 'safe'],
    ]);
    expect(plan.steps[0]).toMatchObject({ column: 'email', columnType: 'text', description: { es: 'agrega la columna «Correo» (email)' } });
  });

  it('archives instead of dropping, and drops only the indexes', () => {
    const plan = planFor((d) => (d.fields = d.fields.filter((f) => f.key !== 'nombre')));
    expect(plan.safe).toBe(true);
    expect(plan.steps.map((s) => s.kind)).toEqual(['dropIndex', 'archiveColumn']);
    expect(plan.steps[1].description.es).toBe('archiva el campo «Nombre» (los datos se conservan)');
    expect(JSON.stringify(plan)).not.toMatch(/dropColumn/);
  });

  it('marks a text → integer change as needing a data check', () => {
    const plan = planFor((d) => (d.fields[1] = { key: 'edad', type: 'integer', label: { es: 'Edad', en: 'Age' } }));
    expect(plan.safe).toBe(false);
    expect(plan.steps).toEqual([
      expect.objectContaining({ kind: 'checkValues', check: { rule: 'convertible', to: 'integer' } }),
      expect.objectContaining({ kind: 'alterColumnType', from: 'text', to: 'bigint', safety: 'needsDataCheck' }),
    ]);
  });

  it('treats widening conversions as safe', () => {
    expect(planFor((d) => (d.fields[1] = { key: 'edad', type: 'longText', label: { es: 'Edad', en: 'Age' } })).safe).toBe(true);
    const wider = planFor((d) => ((d.fields[2] as { scale?: number }).scale = 4));
    expect(wider.safe).toBe(true);
    expect(wider.steps[0]).toMatchObject({ kind: 'alterColumnType', from: 'numeric(20,2)', to: 'numeric(20,4)' });
    const narrower = planFor((d) => ((d.fields[2] as { scale?: number }).scale = 0));
    expect(narrower.safe).toBe(false);
    expect(narrower.steps[0]).toMatchObject({ kind: 'checkValues', check: { rule: 'scale', scale: 0 } });
  });

  it('checks existing records when a field becomes required or an option goes away', () => {
    const required = planFor((d) => (d.fields[3].required = true));
    expect(required.steps[0]).toMatchObject({ kind: 'checkValues', column: 'telefono', check: { rule: 'notEmpty' } });
    const removed = planFor((d) => (d.fields[4] as { options: unknown[] }).options.pop());
    expect(removed.steps[0]).toMatchObject({ kind: 'checkValues', column: 'canal', check: { rule: 'optionUnused', option: 'telefono' } });
  });

  it('keeps label and rule changes to metadata', () => {
    const plan = planFor((d) => (d.fields[0].label = { es: 'Nombre completo', en: 'Full name' }));
    expect(plan).toEqual({ safe: true, steps: [expect.objectContaining({ kind: 'updateMetadata', what: 'relabelField' })] });
  });

  it('restoring a field brings its indexes back', () => {
    const archived = structuredClone(contactos);
    archived.fields[0].archived = true;
    const plan = planStorage(diffDefinitions(archived, contactos), archived);
    expect(plan.steps.map((s) => s.kind)).toEqual(['restoreColumn', 'createIndex']);
  });
});
