import type { StorageStep } from '@crm/engine';
import { DataSource } from 'typeorm';
import { moduleIndexName, sequenceName } from '../../runtime/modules/module-table.ddl';
import { startTestServer, type TestServer } from '../support/test-server';

/** What Postgres holds for one module table: columns with their types, index names, sequences with their start. */
interface Catalog {
  columns: Record<string, string>;
  indexes: string[];
  sequences: Record<string, number>;
}

const label = (es: string, en = es) => ({ es, en });

const flotas = {
  key: 'flotas',
  version: 1,
  names: { singular: label('Flota', 'Fleet'), plural: label('Flotas', 'Fleets') },
  icon: 'car',
  fields: [
    { key: 'numero', type: 'autonumber', label: label('Número', 'Number'), prefix: 'FL-{{seq 4}}', start: 500 },
    { key: 'placa', type: 'text', label: label('Placa', 'Plate'), required: true, searchable: true, unique: true },
    { key: 'ingreso', type: 'date', label: label('Ingreso', 'Joined'), filterable: true },
    { key: 'capacidad', type: 'text', label: label('Capacidad', 'Capacity') },
    { key: 'tarifa', type: 'currency', currency: 'COP', label: label('Tarifa', 'Rate'), filterable: true },
    { key: 'antiguo', type: 'autonumber', label: label('Antiguo', 'Old'), prefix: 'A{{seq}}', archived: true },
  ],
};

/** Postgres spells some types its own way. */
const pgType = (type: string) => (type === 'timestamptz' ? 'timestamp with time zone' : type);

/** The catalog a plan leads to from `base`: each DDL step is one statement, so each leaves exactly this trace. */
function planned(base: Catalog, module: string, steps: StorageStep[]): Catalog {
  const next: Catalog = { columns: { ...base.columns }, indexes: [...base.indexes], sequences: { ...base.sequences } };
  for (const step of steps) {
    switch (step.kind) {
      case 'createTable':
        for (const column of step.columns) next.columns[column.name] = pgType(column.type);
        if (step.columns.some((c) => c.primaryKey)) next.indexes.push(`${module}_pkey`);
        break;
      case 'addColumn':
        next.columns[step.column] = pgType(step.columnType);
        break;
      case 'alterColumnType':
        next.columns[step.column] = pgType(step.to);
        break;
      case 'createIndex':
        next.indexes.push(moduleIndexName(module, step.column, step.index));
        break;
      case 'dropIndex':
        next.indexes = next.indexes.filter((name) => name !== moduleIndexName(module, step.column, step.index));
        break;
      case 'createSequence':
        next.sequences[sequenceName(module, step.column)] = step.start;
        break;
      default:
        break;
    }
  }
  next.indexes.sort();
  return next;
}

const nothing: Catalog = { columns: {}, indexes: [], sequences: {} };

/** The plan an admin reviews is what runs (issue: one DDL path): checked against the database's own catalog. */
describe('module DDL: the plan is what the apply runs', () => {
  let t: TestServer;
  let op: string;
  let schema: string;
  let db: DataSource;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  const catalog = async (module: string): Promise<Catalog> => {
    const columns: { name: string; type: string }[] = await db.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped`,
      [schema, module],
    );
    const indexes: { indexname: string }[] = await db.query(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`, [schema, module]);
    const sequences: { name: string; start: string }[] = await db.query(
      `SELECT sequencename AS name, start_value AS start FROM pg_sequences WHERE schemaname = $1 AND left(sequencename, length($2) + 1) = $2 || '_'`,
      [schema, module],
    );
    return {
      columns: Object.fromEntries(columns.map((c) => [c.name, c.type])),
      indexes: indexes.map((i) => i.indexname).sort(),
      sequences: Object.fromEntries(sequences.map((s) => [s.name, Number(s.start)])),
    };
  };
  const firstVersionPlan = async (module: string): Promise<StorageStep[]> => {
    const versions = await api('GET', `/api/v1/modules/${module}/versions`);
    expect(versions.status).toBe(200);
    return versions.body.items.find((v: { version: number }) => v.version === 1).plan;
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('ddl');
    db = t.server.app.get(DataSource);
    [{ schema_name: schema }] = await db.query(`SELECT schema_name FROM core.operations WHERE key = $1`, [op]);
  });
  afterAll(() => t.close());

  it('creates every catalog module of a new operation by its plan: each table, index and sequence is one the stored plan names, and no other', async () => {
    const modules: { key: string }[] = (await api('GET', '/api/v1/modules')).body.items;
    expect(modules.length).toBeGreaterThan(10);
    let sequences = 0;
    for (const { key } of modules) {
      const plan = await firstVersionPlan(key);
      expect(plan[0]).toMatchObject({ kind: 'createTable' });
      const found = await catalog(key);
      expect(found).toEqual(planned(nothing, key, plan));
      sequences += Object.keys(found.sequences).length;
    }
    // The catalog numbers its cases, quotes…: the sequences are in the plans, not made on the side.
    expect(sequences).toBeGreaterThan(0);
  });

  it('a bundle dry run shows the new table, its sequences and its indexes in words, and the import runs exactly that plan', async () => {
    const bundle = { format: 'contact-crm.schema-bundle', formatVersion: 1, metaSchemaVersion: '1.0.0', exportedAt: new Date().toISOString(), operation: 'otra', modules: [flotas], settings: {} };
    const dry = await api('POST', '/api/v1/schema/import', { bundle, dryRun: true });
    expect(dry.status).toBe(200);
    const change = dry.body.modules.find((m: { key: string }) => m.key === 'flotas');
    expect(change).toMatchObject({ action: 'create', fromVersion: 0, toVersion: 1, blocked: false, plan: { safe: true } });
    const steps: StorageStep[] = change.plan.steps;
    const words = steps.map((s) => [s.kind, s.description.es, s.description.en]);
    expect(words).toEqual(
      expect.arrayContaining([
        ['createTable', expect.stringMatching(/^crea la tabla de «Flotas»/), expect.stringMatching(/^creates the table of "Fleets"/)],
        ['createSequence', 'crea la secuencia de numeración de «Número» (empieza en 500)', 'creates the numbering sequence of "Number" (starts at 500)'],
        ['createSequence', 'crea la secuencia de numeración de «Antiguo» (empieza en 1)', 'creates the numbering sequence of "Old" (starts at 1)'],
        ['createIndex', 'crea el índice de orden reciente de «Fecha de creación»', 'creates the recent-first index on "Created at"'],
        ['createIndex', 'crea el índice único de «Placa»', 'creates the unique index on "Plate"'],
      ]),
    );
    expect(await catalog('flotas')).toEqual(nothing); // a dry run writes nothing

    const applied = await api('POST', '/api/v1/schema/import', { bundle });
    expect(applied.status).toBe(200);
    expect(applied.body.modules.find((m: { key: string }) => m.key === 'flotas').plan.steps).toEqual(steps);
    expect(await firstVersionPlan('flotas')).toEqual(steps);
    expect(await catalog('flotas')).toEqual(planned(nothing, 'flotas', steps));
    expect((await catalog('flotas')).sequences).toEqual({ flotas_numero_seq: 500, flotas_antiguo_seq: 1 });

    const record = await api('POST', '/api/v1/records/flotas', { placa: 'XYZ987' });
    expect(record.status).toBe(201);
    expect(record.body.numero).toBe('FL-0500');
  });

  it('a change runs exactly the statements its plan lists: the catalog moves by the plan and by nothing else', async () => {
    const current = (await api('GET', '/api/v1/modules/flotas')).body;
    const fields = current.fields
      .filter((f: { key: string }) => f.key !== 'tarifa')
      .map((f: Record<string, unknown>) => {
        if (f.key === 'placa') return { ...f, searchable: false, filterable: true };
        if (f.key === 'ingreso') return { ...f, type: 'datetime' };
        if (f.key === 'capacidad') return { ...f, type: 'autonumber', prefix: 'C{{seq}}' };
        return f;
      });
    fields.push({ key: 'folio', type: 'autonumber', label: label('Folio'), prefix: 'F{{seq 3}}', start: 7 }, { key: 'zona', type: 'text', label: label('Zona', 'Zone'), searchable: true });
    const definition = { ...current, fields };

    const before = await catalog('flotas');
    const plan = await api('POST', '/api/v1/modules/flotas/plan', { definition });
    expect(plan.status).toBe(200);
    const steps: StorageStep[] = plan.body.plan.steps;
    expect(steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['createSequence', 'alterColumnType', 'addColumn', 'createIndex', 'dropIndex']));
    expect(steps.some((s) => s.kind === 'createTable')).toBe(false);
    expect(await catalog('flotas')).toEqual(before); // a plan applies nothing

    const applied = await api('PUT', '/api/v1/modules/flotas', { definition });
    expect(applied.status).toBe(200);
    expect(applied.body.plan.steps).toEqual(steps);
    const after = await catalog('flotas');
    expect(after).toEqual(planned(before, 'flotas', steps));
    expect(after.sequences).toMatchObject({ flotas_folio_seq: 7, flotas_capacidad_seq: 1 });
    expect(after.columns.ingreso).toBe('timestamp with time zone');
    // Archiving keeps the column: its data stays.
    expect(after.columns.tarifa).toBe('numeric(20,2)');

    const record = await api('POST', '/api/v1/records/flotas', { placa: 'ABC123' });
    expect(record.status).toBe(201);
    expect(record.body).toMatchObject({ folio: 'F007', capacidad: 'C1' });
  });
});
