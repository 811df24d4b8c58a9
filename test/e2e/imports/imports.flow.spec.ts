import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../../support/test-server';
import { LINEA147_MODULE as linea147 } from '../../fixtures/ba147/linea147.module';
import { importClient } from './import-client';

type Row = Record<string, any>;
const DATA = join(__dirname, '..', '..', 'fixtures', 'ba147');

describe('imports: a real contact-centre extract, end to end', () => {
  let t: TestServer;
  let op: string;
  let client: ReturnType<typeof importClient>;

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('imp');
    client = importClient(t, op);
    const created = await client.api('POST', '/api/v1/modules', linea147);
    expect(created.status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('reads the January extract as it is: semicolons, DD/MM/YYYY, upper-case options, empty cells, exact duplicates', async () => {
    const bytes = readFileSync(join(DATA, '147_01-07_enero.csv'));
    const uploaded = await client.upload('147_01-07_enero.csv', bytes);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({ id: expect.any(String), name: '147_01-07_enero.csv', size: bytes.length, format: 'csv' });

    const preview = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'linea147' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ encoding: 'utf-8', delimiter: ';', sheets: [], sheet: null, options: { dateOrder: 'dmy' } });
    expect(preview.body.headers).toHaveLength(17);
    const mapped = Object.fromEntries(preview.body.mapping.map((m: Row) => [m.header, m.field]));
    expect(mapped).toMatchObject({ categoria: 'categoria', fecha_ingreso: 'fecha_ingreso', lat: 'lat', tipo_prestacion: 'tipo_prestacion', domiclio_calle: null });
    expect(preview.body.rows).toHaveLength(50);
    const first = preview.body.rows[0];
    expect(first.line).toBe(2);
    expect(first.issues).toEqual([]);
    expect(first.values.fecha_ingreso).toMatch(/^2021-01-0\d$/);
    expect(['solicitud', 'denuncia', 'servicio', 'queja', 'reporte', 'reclamo']).toContain(first.values.tipo_prestacion);

    // The admin fixes the source's typo by hand: the mapping is editable.
    const mapping = preview.body.mapping.map((m: Row) => (m.header === 'domiclio_calle' ? { ...m, field: 'domicilio_calle' } : m));
    const lines = bytes.toString('utf8').split('\n').slice(1);
    const unique = [...new Set(lines.map((line) => line.replace(/\r$/, '')))];
    const distinct = unique.length;
    // The extract has contacts with no category: the module requires one, so those rows are refused, each with its reason.
    const uncategorised = unique.filter((line) => line.split(';')[0] === '').length;
    expect(uncategorised).toBeGreaterThan(0);

    const validate = await client.start({ fileId: uploaded.body.id, module: 'linea147', mapping, options: preview.body.options, mode: 'insert', skipDuplicates: true, validateOnly: true });
    expect(validate.status).toBe(202);
    const checked = await client.wait(validate.body.id);
    expect(checked.state).toBe('completed');
    expect(checked.result).toMatchObject({ total: lines.length, inserted: 0, errorCount: uncategorised, duplicates: lines.length - distinct, validateOnly: true });
    expect(await client.count('linea147')).toBe(0);
    const failures = await client.api('GET', `/api/v1/imports/${validate.body.id}/failures?format=json`);
    expect(failures.body.total).toBe(uncategorised);
    expect(failures.body.items[0]).toMatchObject({ cells: expect.arrayContaining(['']), issues: [{ column: 0, header: 'categoria', field: 'categoria', value: '', code: 'required' }] });
    expect(failures.body.items[0].cells[0]).toBe('');

    const started = await client.start({ fileId: uploaded.body.id, module: 'linea147', mapping, options: preview.body.options, mode: 'insert', skipDuplicates: true });
    expect(started.status).toBe(202);
    const done = await client.wait(started.body.id);
    expect(done.state).toBe('completed');
    expect(done.result).toMatchObject({
      fileName: '147_01-07_enero.csv',
      total: lines.length,
      inserted: distinct - uncategorised,
      updated: 0,
      duplicates: lines.length - distinct,
      errorCount: uncategorised,
      validateOnly: false,
      backup: false,
    });
    expect(done.processed).toBe(lines.length);
    expect(await client.count('linea147')).toBe(distinct - uncategorised);

    // Every failed row, as the file had it, plus the reason: the file to fix and load again.
    const csv = await client.download(`/api/v1/imports/${started.body.id}/failures?lang=es`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const failedLines = text.slice(1).trimEnd().split('\r\n');
    expect(failedLines[0]).toBe(`${lines[0] === undefined ? '' : bytes.toString('utf8').split('\n')[0].replace(/\r$/, '')};motivo`);
    expect(failedLines).toHaveLength(1 + uncategorised);
    expect(failedLines[1]).toMatch(/^;.*;categoria: /);
    expect(await client.count('linea147', { field: 'tipo_prestacion', op: 'eq', value: 'solicitud' })).toBe(
      unique.filter((line) => line.split(';')[3] === 'SOLICITUD' && line.split(';')[0] !== '').length,
    );
    const calle = await client.api('POST', '/api/v1/records/linea147/query', { filter: { field: 'domicilio_calle', op: 'notEmpty' }, limit: 1 });
    expect(calle.body.total).toBeGreaterThan(0);
  }, 300_000);
});
