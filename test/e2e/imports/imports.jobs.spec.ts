import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { JobsConfig } from '../../../runtime/jobs/jobs.options';
import { startTestServer, type TestServer } from '../../support/test-server';
import { importClient } from './import-client';

type Row = Record<string, any>;
const label = (es: string, en = es) => ({ es, en });

const lotes = {
  key: 'lotes',
  version: 1,
  names: { singular: label('Lote', 'Batch'), plural: label('Lotes', 'Batches') },
  icon: 'table',
  fields: [
    { key: 'codigo', type: 'text', label: label('Código', 'Code'), required: true, unique: true },
    { key: 'valor', type: 'integer', label: label('Valor', 'Value') },
  ],
};

const csvOf = (rows: number, prefix = 'L') => ['codigo;valor', ...Array.from({ length: rows }, (_, i) => `${prefix}${String(i).padStart(7, '0')};${i}`)].join('\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server in a child process (test/support/child-server.ts) and waits for its first line. */
function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; info: { url: string; token: string; clientIp: string } }> {
  // `--import tsx` runs the server in this very process (the tsx command would start another one, which a kill of its parent leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'support', 'child-server.ts')], {
    cwd: join(__dirname, '..', '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('child server did not start')), 120_000);
    child.once('exit', (code) => reject(new Error(`child server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, info: JSON.parse(line) });
    });
  });
}

describe('imports: one at a time per module, cancel, bad files, and a killed worker', () => {
  let t: TestServer;
  let op: string;
  let client: ReturnType<typeof importClient>;

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('impj');
    client = importClient(t, op);
    expect((await client.api('POST', '/api/v1/modules', lotes)).status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  const startImport = async (name: string, csv: string, extra: Row = {}) => {
    const uploaded = await client.upload(name, csv);
    const preview = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'lotes' });
    return client.start({ fileId: uploaded.body.id, module: 'lotes', mapping: preview.body.mapping, options: preview.body.options, mode: 'insert', ...extra });
  };

  it('answers 409 naming the running import when a second one starts on the same module, lets a validation run beside it, and cancels', async () => {
    const first = await startImport('grande.csv', csvOf(40_000, 'A'));
    expect(first.status).toBe(202);
    const second = await startImport('otra.csv', csvOf(10, 'B'));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'job_exclusive', jobId: first.body.id });
    expect(second.body.message.es).toContain(first.body.id);
    const check = await startImport('otra.csv', csvOf(10, 'B'), { validateOnly: true });
    expect(check.status).toBe(202);

    await client.wait(first.body.id, (job) => job.processed >= 2_000 || job.state !== 'queued');
    const cancelled = await client.api('POST', `/api/v1/jobs/${first.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    const stopped = await client.wait(first.body.id, (job) => job.state === 'cancelled');
    // What was committed stays, and nothing after the cancel: the count is exactly the rows the job reported.
    await sleep(500);
    const written = await client.count('lotes');
    expect(written).toBe((await client.job(first.body.id)).result.inserted);
    expect(written).toBeLessThan(40_000);
    expect(stopped.processed).toBeGreaterThanOrEqual(written);
    // The module is free again.
    const third = await startImport('otra.csv', csvOf(10, 'B'));
    expect(third.status).toBe(202);
    expect((await client.wait(third.body.id)).result).toMatchObject({ inserted: 10 });
    expect((await client.wait(check.body.id)).result).toMatchObject({ validateOnly: true, errorCount: 0, inserted: 0 });
  }, 240_000);

  it('refuses bad files with a clear error and keeps nothing', async () => {
    const before = await client.count('lotes');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), randomBytes(2000)]);
    const notCsv = await client.upload('foto.csv', png, 'application/octet-stream');
    expect(notCsv).toMatchObject({ status: 400, body: { code: 'import_file_format', message: { es: expect.any(String), en: expect.any(String) }, details: [{ path: 'file' }] } });

    const empty = await client.upload('vacio.csv', Buffer.alloc(0));
    expect(empty).toMatchObject({ status: 400, body: { code: 'import_file_empty' } });

    const blank = await client.upload('blanco.csv', '\r\n\r\n');
    expect(blank.status).toBe(201);
    const blankPreview = await client.api('POST', '/api/v1/imports/preview', { fileId: blank.body.id, module: 'lotes' });
    expect(blankPreview).toMatchObject({ status: 400, body: { code: 'import_file_empty' } });

    const headerOnly = await client.upload('titulos.csv', 'codigo;valor\r\n');
    const headerPreview = await client.api('POST', '/api/v1/imports/preview', { fileId: headerOnly.body.id, module: 'lotes' });
    expect(headerPreview).toMatchObject({ status: 400, body: { code: 'import_file_no_rows' } });
    const headerJob = await client.start({
      fileId: headerOnly.body.id,
      module: 'lotes',
      mapping: [{ column: 0, header: 'codigo', field: 'codigo' }],
      options: { dateOrder: 'dmy', decimalMark: ',', listSeparator: ',' },
      mode: 'insert',
    });
    expect(headerJob.status).toBe(202);
    expect(await client.wait(headerJob.body.id)).toMatchObject({ state: 'failed', error: { code: 'import_file_no_rows' } });

    const wide = await client.upload('ancho.csv', `codigo;valor\r\nW1;1\r\n${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';')}\r\n`);
    expect(wide.status).toBe(201);
    const wideJob = await client.start({
      fileId: wide.body.id,
      module: 'lotes',
      mapping: [{ column: 0, header: 'codigo', field: 'codigo' }],
      options: { dateOrder: 'dmy', decimalMark: ',', listSeparator: ',' },
      mode: 'insert',
    });
    const wideDone = await client.wait(wideJob.body.id);
    expect(wideDone).toMatchObject({ state: 'failed', error: { code: 'import_file_columns' } });
    expect(wideDone.error.message.es).toContain('10000');

    // 101 MB: refused from its declared length, before the body is read.
    const big = Buffer.alloc(101 * 1024 * 1024, 'a');
    const tooBig = await client.upload('grande.csv', big);
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'import_file_too_large' } });

    const unknownFile = await client.api('POST', '/api/v1/imports/preview', { fileId: '00000000-0000-4000-8000-000000000000', module: 'lotes' });
    expect(unknownFile).toMatchObject({ status: 404, body: { code: 'import_file_not_found' } });
    const badMapping = await client.start({
      fileId: headerOnly.body.id,
      module: 'lotes',
      mapping: [{ column: 0, header: 'codigo', field: 'no_existe' }],
      options: { dateOrder: 'dmy', decimalMark: ',', listSeparator: ',' },
      mode: 'update',
    });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.details.map((d: Row) => [d.path, d.code])).toEqual([
      ['payload.mapping[0].field', 'import.mappingField'],
      ['payload.keyFields', 'required'],
    ]);
    expect(await client.count('lotes')).toBe(before);
  }, 120_000);

  it('resumes after kill -9 of the worker mid-import, with no lost and no repeated row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-import-kill-'));
    const prefix = `crm-import-kill-${randomBytes(4).toString('hex')}`;
    const tuning: Partial<JobsConfig> = { dataDir, jobs: { prefix, lockDurationMs: 1_500, stalledIntervalMs: 500, backoffMs: 200, eventsPollMs: 100 } };
    const { child, info } = await startChild({ CHILD_DATA_DIR: dataDir, CHILD_JOBS_PREFIX: prefix });
    let second: TestServer | null = null;
    try {
      const headers = { authorization: `Bearer ${info.token}`, 'x-forwarded-for': info.clientIp };
      const call = async (method: string, path: string, operation: string | null, body?: unknown, raw?: string) => {
        const response = await fetch(`${info.url}${path}`, {
          method,
          headers: { ...headers, ...(operation && { 'x-operation': operation }), 'content-type': raw !== undefined ? 'text/csv' : 'application/json' },
          body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
        });
        return { status: response.status, body: (await response.json()) as Row };
      };
      const key = `kill_${Date.now().toString(36)}`;
      expect((await call('POST', '/api/v1/operations', null, { key, name: 'Kill test' })).status).toBe(201);
      expect((await call('POST', '/api/v1/modules', key, lotes)).status).toBe(201);
      const total = 30_000;
      const csv = csvOf(total, 'K').split('\n');
      csv[12_346] = 'K-mala;doce';
      const uploaded = await call('POST', '/api/v1/imports/files?name=kill.csv', key, undefined, csv.join('\n'));
      const preview = await call('POST', '/api/v1/imports/preview', key, { fileId: uploaded.body.id, module: 'lotes' });
      const started = await call('POST', '/api/v1/jobs', key, {
        type: 'records.import',
        payload: { fileId: uploaded.body.id, module: 'lotes', mapping: preview.body.mapping, options: preview.body.options, mode: 'insert' },
      });
      expect(started.status).toBe(202);
      const id = started.body.id as string;
      for (;;) {
        const job = (await call('GET', `/api/v1/jobs/${id}`, key)).body;
        if (job.processed >= 3_000 || !['queued', 'running'].includes(job.state)) break;
        await sleep(20);
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      second = await startTestServer(tuning);
      const resumed = importClient(second, key);
      const done = await resumed.wait(id, undefined, 180_000);
      expect(done.state).toBe('completed');
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      expect(done.result).toMatchObject({ total, inserted: total - 1, errorCount: 1, duplicates: 0 });
      expect(await resumed.count('lotes')).toBe(total - 1);
      const failures = (await resumed.api('GET', `/api/v1/imports/${id}/failures?format=json`)).body;
      expect(failures.items.map((f: Row) => f.line)).toEqual([12_347]);
      // Every code exactly once: the unique index would have refused a repeat, and the count says none is missing.
      const sample = await resumed.api('POST', '/api/v1/records/lotes/query', { filter: { field: 'codigo', op: 'in', value: ['K0000000', 'K0029999', 'K0012344'] }, count: 'exact' });
      expect(sample.body.total).toBe(3);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
