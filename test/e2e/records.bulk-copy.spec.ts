import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { COPY_MIN_ROWS } from '../../runtime/database/sql-copy';
import { startTestServer, type TestServer } from '../support/test-server';

type Row = Record<string, any>;
const label = (es: string, en = es) => ({ es, en });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: label(key) }));

/** Every stored shape: text, numbers, dates, timestamps, booleans, options, lists (text[]) and a sub-table (jsonb). */
const muestras = {
  key: 'muestras',
  version: 1,
  names: { singular: label('Muestra', 'Sample'), plural: label('Muestras', 'Samples') },
  icon: 'table',
  fields: [
    { key: 'codigo', type: 'text', label: label('Código', 'Code'), required: true },
    { key: 'notas', type: 'longText', label: label('Notas', 'Notes') },
    { key: 'cantidad', type: 'integer', label: label('Cantidad', 'Quantity') },
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto', 'Amount') },
    { key: 'tasa', type: 'decimal', scale: 4, label: label('Tasa', 'Rate') },
    { key: 'fecha', type: 'date', label: label('Fecha', 'Date') },
    { key: 'momento', type: 'datetime', label: label('Momento', 'Moment') },
    { key: 'activo', type: 'boolean', label: label('Activo', 'Active') },
    { key: 'estado', type: 'select', options: options('abierto', 'cerrado'), label: label('Estado', 'State') },
    { key: 'etiquetas', type: 'multiSelect', options: options('vip', 'mora', 'nuevo'), label: label('Etiquetas', 'Tags') },
    { key: 'correo', type: 'email', label: label('Correo', 'E-mail') },
    {
      key: 'lineas',
      type: 'subtable',
      label: label('Líneas', 'Lines'),
      columns: [
        { key: 'detalle', type: 'text', label: label('Detalle', 'Detail') },
        { key: 'valor', type: 'integer', label: label('Valor', 'Value') },
      ],
    },
  ],
};

/** Text with what COPY's text format must escape (backslash, tab, newline, carriage return) and what JSON escapes. */
const awkwardText = fc.string({ unit: fc.constantFrom('a', 'ñ', 'é', ' ', '\\', '\t', '\n', '\r', '"', "'", ',', '{', '}', ';', '😀', 'N', '\\N'), minLength: 1, maxLength: 12 });

const sampleRow = fc.record(
  {
    notas: awkwardText,
    cantidad: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    monto: fc.integer({ min: 0, max: 99_999_999 }).map((cents) => (cents / 100).toFixed(2)),
    tasa: fc.integer({ min: -99_999, max: 99_999 }).map((n) => (n / 10_000).toFixed(4)),
    fecha: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    momento: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    activo: fc.boolean(),
    estado: fc.constantFrom('abierto', 'cerrado'),
    etiquetas: fc.subarray(['vip', 'mora', 'nuevo'], { minLength: 1 }),
    correo: fc.constantFrom('ana@example.com', 'jose.perez@correo.com.co'),
    lineas: fc.array(fc.record({ detalle: awkwardText, valor: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/**
 * Large bulk inserts travel by COPY into a staging table on a real Postgres
 * (records and their audit entries); small ones as one JSON array. Both must
 * store, answer and audit exactly the same values.
 */
describe('records API: a large bulk insert (COPY) stores what small ones (JSON) store', () => {
  let t: TestServer;
  let op: string;
  let db: DataSource;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const fieldsOf = (record: Row) => Object.fromEntries(muestras.fields.map((f) => [f.key, record[f.key] ?? null]));

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('bcopy');
    db = t.server.app.get(DataSource);
    expect((await api('POST', '/api/v1/modules', muestras)).status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('every value, the records answered and the audit entries are the same both ways', async () => {
    const generated = fc.sample(sampleRow, { numRuns: COPY_MIN_ROWS + 100, seed: 147 });
    const rows = generated.map((row, i) => ({ ...row, codigo: `C${String(i).padStart(4, '0')}` }));
    const large = await api('POST', '/api/v1/records/muestras/bulk', { rows, mode: 'insert' });
    expect(large.status).toBe(200);
    expect(large.body).toMatchObject({ inserted: rows.length, errors: [] });

    const small = rows.slice(0, 120).map((row) => ({ ...row, codigo: `S${row.codigo}` }));
    for (let i = 0; i < small.length; i += 10) {
      const written = await api('POST', '/api/v1/records/muestras/bulk', { rows: small.slice(i, i + 10), mode: 'insert' });
      expect(written.body).toMatchObject({ inserted: 10, errors: [] });
    }

    const all: Row[] = [];
    for (let cursor: string | null | undefined; ;) {
      const page = await api('POST', '/api/v1/records/muestras/query', { limit: 500, sort: [{ field: 'codigo', dir: 'asc' }], ...(cursor && { cursor }) });
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    const byCode = new Map(all.map((record) => [record.codigo, record]));
    expect(byCode.size).toBe(rows.length + small.length);
    for (const row of small) {
      const viaJson = fieldsOf(byCode.get(row.codigo)!);
      const viaCopy = fieldsOf(byCode.get(row.codigo.slice(1))!);
      expect({ ...viaCopy, codigo: row.codigo }).toEqual(viaJson);
    }
    // What was sent is what is stored (values in canonical form: the sent ones already are).
    for (const row of rows) expect(fieldsOf(byCode.get(row.codigo)!)).toEqual({ ...fieldsOf(row) });

    // The audit keeps the whole created record, the same way for both paths.
    const audit: { code: string; value: Row; jobless: boolean }[] = await db.query(
      `SELECT a.new_value->>'codigo' AS code, a.new_value AS value, a.job_id IS NULL AS jobless FROM core.audit a JOIN core.operations o ON o.id = a.operation_id WHERE o.key = $1 AND a.module = 'muestras' AND a.action = 'create'`,
      [op],
    );
    expect(audit).toHaveLength(rows.length + small.length);
    const auditOf = new Map(audit.map((entry) => [entry.code, entry.value]));
    for (const row of small) expect({ ...fieldsOf(auditOf.get(row.codigo.slice(1))!), codigo: row.codigo }).toEqual(fieldsOf(auditOf.get(row.codigo)!));
    for (const row of rows) expect(auditOf.get(row.codigo)).toEqual(byCode.get(row.codigo));
  }, 120_000);
});
