import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

const label = (es: string, en: string) => ({ es, en });
// 100,000 on a real Postgres (CI, DATABASE_URL); the embedded default (PGlite, one WebAssembly core) takes a tenth, same checks.
const ROWS = process.env.DATABASE_URL ? 100_000 : 10_000;
const INJECTIONS = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'];

const definition = {
  key: 'facturas',
  version: 1,
  names: { singular: label('Factura', 'Invoice'), plural: label('Facturas', 'Invoices') },
  icon: 'file',
  fields: [
    { key: 'numero', type: 'integer', label: label('Número', 'Number'), filterable: true },
    { key: 'cliente', type: 'text', label: label('Cliente', 'Customer') },
    { key: 'saldo', type: 'currency', currency: 'COP', scale: 2, label: label('Saldo', 'Balance') },
    { key: 'emitida', type: 'date', label: label('Emitida', 'Issued') },
    { key: 'llamada', type: 'datetime', label: label('Llamada', 'Call') },
    {
      key: 'estado',
      type: 'select',
      label: label('Estado', 'Status'),
      options: [
        { key: 'pagada', label: label('Pagada', 'Paid') },
        { key: 'pendiente', label: label('Pendiente', 'Pending') },
      ],
    },
    { key: 'nota', type: 'text', label: label('Nota', 'Note') },
    { key: 'documento', type: 'text', label: label('Documento', 'Document') },
  ],
};
const COLUMNS = ['numero', 'cliente', 'saldo', 'emitida', 'llamada', 'estado', 'nota'];

/** Row n (1-based) of the fixture: what was stored, so every cell read back can be compared with it. */
const expected = (n: number) => {
  const day = new Date(Date.UTC(2025, 0, 1 + (n % 365)));
  const call = new Date(Date.UTC(2025, 5, 1, 12 + (n % 10), n % 60, 0));
  return {
    numero: n,
    cliente: `Cliente ${n}`,
    saldo: n % 2 === 1 ? -(n + 0.5) : n + 0.25,
    emitida: day,
    llamada: call,
    estado: n % 3 === 0 ? 'pagada' : 'pendiente',
    nota: n <= INJECTIONS.length ? INJECTIONS[n - 1] : `Nota ${n}`,
  };
};

type Job = { id: string; state: string; processed: number; total: number; result: { rows: number; size: number; name: string }; error: unknown };
type ExportItem = { id: string; state: string; module: string; format: string; file: { name: string; rows: number; expired: boolean } | null; downloadPath: string | null };

/**
 * Background exports (B6) on the real server: a table view of 100,000 records as
 * XLSX and CSV, read back cell by cell (types, labels, formula injection), and the
 * download link refused when expired, for another user or after the view right is gone.
 */
describe('records.export: background XLSX / CSV exports and their links', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let lucia: string;
  let luciaId: string;
  let marta: string;
  let profileId: string;
  const dir = mkdtempSync(join(tmpdir(), 'crm-export-test-'));
  const rights = { view: true, create: true, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false };
  const permissions = (facturas = rights) => ({
    modules: { '*': rights, facturas },
    fields: { facturas: { documento: 'hidden' } },
    visibility: 'own',
    allUsersCanEdit: false,
    aiAssistant: false,
    admin: false,
  });
  const as = (token: string) => ({ token });
  const login = async (username: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Exporta-Segura-2024' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  const finished = async (id: string, token: string): Promise<Job> => {
    for (let i = 0; i < 2400; i++) {
      const job = (await t.api('GET', `/api/v1/jobs/${id}`, undefined, as(token))).body as Job;
      if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  };
  const startExport = (token: string, payload: Record<string, unknown>) => t.api('POST', '/api/v1/jobs', { type: 'records.export', payload: { module: 'facturas', ...payload } }, as(token));
  const exportsOf = async (token: string) => (await t.api('GET', '/api/v1/exports', undefined, as(token))).body as { items: ExportItem[]; total: number; nextCursor: string | null };
  /** Downloads with a session to a file; the answer's status, and the file when it is 200. */
  const download = async (path: string, token: string, name: string) => {
    const response = await fetch(`${t.server.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': t.clientIp } });
    if (response.status !== 200) return { status: response.status, body: (await response.json()) as { code: string; message: { es: string; en: string } } };
    const file = join(dir, name);
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));
    return { status: 200, file, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition') };
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('exp');
    admin = await login(`ADMIN_@${op}`);
    expect((await t.api('POST', '/api/v1/modules', definition, as(admin))).status).toBe(201);
    const profile = await t.api('POST', '/api/v1/profiles', { name: 'Cartera', permissions: permissions() }, as(admin));
    profileId = profile.body.id;
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    luciaId = (await t.api('POST', '/api/v1/users', { username: 'lucia', displayName: 'Lucía', email: 'lucia@example.co', profileId, roleId: role.id }, as(admin))).body.id;
    await t.api('POST', '/api/v1/users', { username: 'marta', displayName: 'Marta', profileId, roleId: role.id }, as(admin));
    lucia = await login('lucia');
    marta = await login('marta');
    const started = Date.now();
    for (let from = 1; from <= ROWS; from += 10_000) {
      const rows = Array.from({ length: 10_000 }, (_, i) => {
        const n = from + i;
        const e = expected(n);
        return { ...e, saldo: e.saldo.toFixed(2), emitida: e.emitida.toISOString().slice(0, 10), llamada: e.llamada.toISOString(), documento: `D${n}`, ...(n <= 50 && { assignee: luciaId }) };
      });
      const written = await t.api('POST', '/api/v1/records/facturas/bulk', { rows }, { operation: op });
      expect(written.body).toMatchObject({ inserted: 10_000 });
    }
    console.log(`loaded ${ROWS} facturas in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports 100,000 records as XLSX with typed cells, labels and neutralised formulas', async () => {
    const started = Date.now();
    // Descending: each page after the first is also bounded on the sort key (runtime/exports/export-page.bound.ts); every row must still come, once, in order.
    const asked = await startExport(admin, { columns: COLUMNS, sort: [{ field: 'numero', dir: 'desc' }], format: 'xlsx', language: 'es', timeZone: 'America/Bogota' });
    expect(asked.status).toBe(202);
    const job = await finished(asked.body.id, admin);
    expect(job).toMatchObject({ state: 'completed', processed: ROWS, total: ROWS, result: { rows: ROWS, name: expect.stringMatching(/^facturas-\d{4}-\d{2}-\d{2}\.xlsx$/) } });
    const item = (await exportsOf(admin)).items.find((i) => i.id === asked.body.id)!;
    expect(item).toMatchObject({ state: 'completed', module: 'facturas', format: 'xlsx', file: { rows: ROWS, expired: false } });
    const got = await download(item.downloadPath!, admin, 'facturas.xlsx');
    expect(got).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const file = (got as { file: string }).file;
    console.log(`xlsx export of ${ROWS} rows: ${((Date.now() - started) / 1000).toFixed(1)} s, ${(statSync(file).size / 1e6).toFixed(1)} MB`);

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    let rows = 0;
    let mismatches: string[] = [];
    for await (const sheet of reader) {
      expect((sheet as unknown as { name: string }).name).toBe('Facturas');
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1);
        if (row.number === 1) {
          expect(cells).toEqual(['Número', 'Cliente', 'Saldo', 'Emitida', 'Llamada', 'Estado', 'Nota']);
          continue;
        }
        rows++;
        const e = expected(ROWS - (row.number - 2));
        // XML reads a raw carriage return back as a line feed; the quote before it is what neutralises the cell.
        const nota = e.nota.startsWith('Nota') ? e.nota : `'${e.nota.replace('\r', '\n')}`;
        const want = [e.numero, e.cliente, e.saldo, e.emitida, new Date(e.llamada.getTime() - 5 * 3600_000), e.estado === 'pagada' ? 'Pagada' : 'Pendiente', nota];
        const same = cells.length === want.length && cells.every((c, i) => (c instanceof Date && want[i] instanceof Date ? c.getTime() === (want[i] as Date).getTime() : c === want[i]));
        if (!same && mismatches.length < 5) mismatches = [...mismatches, `row ${row.number}: ${JSON.stringify(cells)} ≠ ${JSON.stringify(want)}`];
      }
    }
    expect(mismatches).toEqual([]);
    expect(rows).toBe(ROWS);
  });

  it('exports the same view as CSV in English: numbers and dates as English spreadsheets read them, formulas neutralised', async () => {
    const started = Date.now();
    const asked = await startExport(admin, { columns: COLUMNS, sort: [{ field: 'numero', dir: 'asc' }], format: 'csv', language: 'en' });
    const job = await finished(asked.body.id, admin);
    expect(job).toMatchObject({ state: 'completed', result: { rows: ROWS } });
    const item = (await exportsOf(admin)).items.find((i) => i.id === asked.body.id)!;
    const got = await download(item.downloadPath!, admin, 'facturas.csv');
    expect(got).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8' });
    console.log(`csv export of ${ROWS} rows: ${((Date.now() - started) / 1000).toFixed(1)} s, ${(statSync((got as { file: string }).file).size / 1e6).toFixed(1)} MB`);
    const records = parse(await import('node:fs/promises').then((fs) => fs.readFile((got as { file: string }).file, 'utf8')), { bom: true, delimiter: ',', relax_quotes: true }) as string[][];
    expect(records[0]).toEqual(['Number', 'Customer', 'Balance', 'Issued', 'Call', 'Status', 'Note']);
    expect(records).toHaveLength(ROWS + 1);
    const first = expected(1);
    expect(records[1]).toEqual(['1', 'Cliente 1', '-1.50', '01/02/2025', '06/01/2025 13:01:00', 'Pending', "'=1+1"]);
    expect(records.slice(1, 7).map((r) => r[6])).toEqual(INJECTIONS.map((s) => `'${s}`));
    expect(records[4]).toEqual(['4', 'Cliente 4', '4.25', '01/05/2025', '06/01/2025 16:04:00', 'Pending', "'@SUM(A1)"]);
    expect(first.nota).toBe('=1+1');
    expect(records[ROWS][0]).toBe(String(ROWS));
  });

  it('exports as the user sees: hidden fields refused, only own records, the link e-mailed and valid only for that user', async () => {
    const hidden = await startExport(lucia, { columns: ['numero', 'documento'], format: 'xlsx' });
    expect(hidden.status).toBe(400);
    expect(hidden.body.details).toEqual([expect.objectContaining({ path: 'payload.columns[1]', code: 'query.unknownField' })]);
    const badFilter = await startExport(lucia, { columns: ['numero'], format: 'csv', filter: { field: 'numero', op: 'contains', value: 'x' } });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.details[0].path).toMatch(/^payload\.filter/);
    const platform = await t.api('POST', '/api/v1/jobs', { type: 'records.export', payload: { module: 'facturas', columns: ['numero'], format: 'csv' } }, { operation: op });
    expect(platform.status).toBe(403);
    expect(platform.body.code).toBe('export_user_required');

    const asked = await startExport(lucia, {
      columns: ['numero', 'saldo', 'nota'],
      format: 'csv',
      language: 'es',
      sort: [{ field: 'numero', dir: 'desc' }],
      filter: { field: 'numero', op: 'lte', value: 100 },
    });
    expect(asked.status).toBe(202);
    expect(await finished(asked.body.id, lucia)).toMatchObject({ state: 'completed', result: { rows: 50 } });

    const mails = (await t.api('GET', `/api/v1/mail/outbox?jobId=${asked.body.id}`, undefined, as(admin))).body.items as { to: string; subject: string; html: string }[];
    expect(mails).toHaveLength(1);
    // In Lucía's language (Spanish, the default until she picks another in the Studio).
    expect(mails[0]).toMatchObject({ to: 'lucia@example.co', subject: expect.stringMatching(/^Exportación lista: facturas-/) });
    expect(mails[0].html).toContain('Descargar');
    expect(mails[0].html).not.toContain('Download');
    const href = /href="([^"]+)"/.exec(mails[0].html)![1];
    const link = new URL(href.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
    expect(link.pathname).toBe('/exports');
    expect(link.searchParams.get('download')).toBe(asked.body.id);
    const path = `/api/v1/exports/${asked.body.id}/download?token=${encodeURIComponent(link.searchParams.get('token')!)}`;

    const got = await download(path, lucia, 'lucia.csv');
    expect(got.status).toBe(200);
    const records = parse(await import('node:fs/promises').then((fs) => fs.readFile((got as { file: string }).file, 'utf8')), { bom: true, delimiter: ';' }) as string[][];
    expect(records[0]).toEqual(['Número', 'Saldo', 'Nota']);
    expect(records.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 50 }, (_, i) => String(50 - i)));
    expect(records[50]).toEqual(['1', '-1,50', "'=1+1"]);

    // Another user, with the link or with her own session on it, gets nothing; neither does a forged token.
    expect(await download(path, marta, 'marta.csv')).toMatchObject({ status: 403, body: { code: 'export_other_user' } });
    expect(await download(`/api/v1/exports/${asked.body.id}/download?token=x.y.z`, lucia, 'x.csv')).toMatchObject({ status: 403, body: { code: 'export_link_invalid' } });
    expect((await exportsOf(marta)).items.map((i) => i.id)).not.toContain(asked.body.id);
    expect((await exportsOf(lucia)).items.map((i) => i.id)).toEqual([asked.body.id]);

    // Losing the view right on the module voids the link at once; getting it back restores it.
    expect((await t.api('PATCH', `/api/v1/profiles/${profileId}`, { name: 'Cartera', permissions: permissions({ ...rights, view: false }) }, as(admin))).status).toBe(200);
    expect(await download(path, lucia, 'lost.csv')).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect((await t.api('PATCH', `/api/v1/profiles/${profileId}`, { name: 'Cartera', permissions: permissions() }, as(admin))).status).toBe(200);
    expect((await download(path, lucia, 'back.csv')).status).toBe(200);
  });

  it('refuses an expired link', async () => {
    // The server's own configuration object (EXPORT_LINK_DAYS), shortened for this one export.
    const days = t.config.exportLinkDays;
    t.config.exportLinkDays = 2 / 86_400;
    let asked;
    try {
      asked = await startExport(lucia, { columns: ['numero'], format: 'xlsx', filter: { field: 'numero', op: 'lte', value: 3 } });
      expect(await finished(asked.body.id, lucia)).toMatchObject({ state: 'completed' });
    } finally {
      t.config.exportLinkDays = days;
    }
    const item = (await exportsOf(lucia)).items.find((i) => i.id === asked.body.id)!;
    expect(item.downloadPath).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await download(item.downloadPath!, lucia, 'late.xlsx')).toMatchObject({ status: 410, body: { code: 'export_link_expired', message: { es: expect.stringContaining('expiró') } } });
    expect((await exportsOf(lucia)).items.find((i) => i.id === asked.body.id)).toMatchObject({ downloadPath: null, file: { expired: true } });
    // The next export frees the expired file's bytes; its entry stays in the list.
    const later = await startExport(lucia, { columns: ['numero'], format: 'csv', filter: { field: 'numero', op: 'lte', value: 1 } });
    expect(await finished(later.body.id, lucia)).toMatchObject({ state: 'completed' });
    const [chunks] = await t.server.app.get(DataSource).query(`SELECT count(*)::int AS n FROM core.export_file_chunks WHERE job_id = $1`, [asked.body.id]);
    expect(chunks.n).toBe(0);
    const [kept] = await t.server.app.get(DataSource).query(`SELECT count(*)::int AS n FROM core.export_file_chunks WHERE job_id = $1`, [later.body.id]);
    expect(kept.n).toBe(1);
  });
});
