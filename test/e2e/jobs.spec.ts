import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Extension, PGlite } from '@electric-sql/pglite';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '../../runtime/config/runtime.config';
import { type JobsConfig, JOBS_QUEUE } from '../../runtime/jobs/jobs.options';
import { startTestServer, type TestServer } from '../support/test-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

type Row = Record<string, any>;
const label = (es: string, en = es) => ({ es, en });

/**
 * Rows for jobs. `codigo` is not unique on purpose: a chunk written twice
 * would leave duplicate rows instead of being refused, so counting rows
 * proves that nothing ran twice.
 */
const lotes = {
  key: 'lotes',
  version: 1,
  names: { singular: label('Lote', 'Batch'), plural: label('Lotes', 'Batches') },
  icon: 'boxes',
  fields: [
    { key: 'codigo', type: 'text', label: label('Código', 'Code'), required: true },
    { key: 'valor', type: 'integer', label: label('Valor', 'Value') },
    { key: 'correo', type: 'email', label: label('Correo', 'E-mail') },
  ],
};

const rowsOf = (n: number, prefix = 'R') => Array.from({ length: n }, (_, i) => ({ codigo: `${prefix}${String(i).padStart(6, '0')}`, valor: i }));

/**
 * Every server of this file shares one BullMQ key prefix of its own (when
 * REDIS_URL is set), so workers of other suites on the same Redis never take
 * these jobs; the short lock lets a killed worker's job be found stalled fast.
 */
const prefix = `crm-jobs-e2e-${randomBytes(4).toString('hex')}`;
const jobTuning: Partial<JobsConfig> = { jobs: { prefix, lockDurationMs: 1_500, stalledIntervalMs: 500, backoffMs: 200, eventsPollMs: 100 } };
const queueKind = process.env.REDIS_URL ? 'BullMQ (Redis)' : 'the in-process queue';

interface SseEvent {
  event: string;
  id?: string;
  data: Row;
}

/** Reads a server-sent event stream to its end (or until `timeoutMs`), with fetch and a stream reader. */
async function readEvents(t: TestServer, op: string, jobId: string, timeoutMs = 60_000): Promise<{ status: number; contentType: string | null; events: SseEvent[]; ended: boolean }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const response = await fetch(`${t.server.url}/api/v1/jobs/${jobId}/events`, {
    headers: { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op, 'x-forwarded-for': t.clientIp, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  let ended = false;
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of frame.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields[line.slice(0, colon)] = (fields[line.slice(0, colon)] ?? '') + line.slice(colon + 1).replace(/^ /, '');
          }
          if (fields.data !== undefined) events.push({ event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  }
  clearTimeout(timer);
  return { status: response.status, contentType: response.headers.get('content-type'), events, ended };
}

/** Runs SQL on the database of a stopped server: the PGlite folder, or the Postgres of DATABASE_URL. */
async function onStoppedDatabase(dataDir: string, sql: string, params: unknown[]): Promise<Row[]> {
  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  try {
    return (await db.query<Row>(sql, params)).rows;
  } finally {
    await db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`jobs: records.bulk on ${queueKind}`, () => {
  let t: TestServer;
  let op: string;
  let db: DataSource;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const start = async (payload: unknown) => {
    const response = await api('POST', '/api/v1/jobs', { type: 'records.bulk', payload });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), state: 'queued' });
    return response.body.id as string;
  };
  const job = async (id: string, server = t) => {
    const response = await server.api('GET', `/api/v1/jobs/${id}`, undefined, { operation: op });
    expect(response.status).toBe(200);
    return response.body as Row;
  };
  /** Polls the job until `done` holds for it. */
  const waitFor = async (id: string, done: (job: Row) => boolean, server = t, timeoutMs = 90_000): Promise<Row> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const current = await job(id, server);
      if (done(current)) return current;
      if (Date.now() > until) throw new Error(`job ${id} still ${current.state} at ${current.progress}%: ${JSON.stringify(current.error)}`);
      await sleep(25);
    }
  };
  const finished = (j: Row) => ['completed', 'failed', 'cancelled'].includes(j.state);
  const schemaOf = async (server: TestServer, key: string) => (await server.server.app.get(DataSource).query(`SELECT schema_name FROM core.operations WHERE key = $1`, [key]))[0].schema_name as string;
  const countRows = async (server: TestServer, key: string, sql = 'count(*)') =>
    Number((await server.server.app.get(DataSource).query(`SELECT ${sql} AS n FROM "${await schemaOf(server, key)}".lotes`))[0].n);
  const jobRows = async () => Number((await db.query(`SELECT count(*) AS n FROM core.jobs j JOIN core.operations o ON o.id = j.operation_id WHERE o.key = $1`, [op]))[0].n);

  beforeAll(async () => {
    t = await startTestServer(jobTuning);
    op = await t.createOperation('jobs');
    db = t.server.app.get(DataSource);
    expect((await api('POST', '/api/v1/modules', lotes)).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    if (process.env.REDIS_URL) {
      const queue = new Queue(JOBS_QUEUE, { connection: { url: process.env.REDIS_URL }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('answers 202 at once and completes with progress 100, counts and the result with row errors', async () => {
    const rows: Row[] = rowsOf(2_500, 'A');
    rows[7] = { codigo: 'A-mala', correo: 'no-es-correo' };
    rows[1_500] = { valor: 1 };
    const id = await start({ module: 'lotes', mode: 'insert', rows });
    const done = await waitFor(id, finished);
    expect(done).toMatchObject({
      id,
      type: 'records.bulk',
      state: 'completed',
      progress: 100,
      total: 2_500,
      processed: 2_500,
      succeeded: 2_498,
      failed: 2,
      attempts: 1,
      error: null,
      payload: { module: 'lotes', mode: 'insert', rows: 2_500 },
      result: { total: 2_500, inserted: 2_498, updated: 0, skipped: 2, errorCount: 2 },
    });
    // Row indexes count from the start of the whole load, not of the chunk.
    expect(done.result.errors.map((e: { row: number; issues: { path: string; code: string }[] }) => [e.row, e.issues.map((i) => [i.path, i.code])])).toEqual([
      [7, [['correo', 'format.email']]],
      [1_500, [['codigo', 'required']]],
    ]);
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    expect(await countRows(t, op)).toBe(2_498);

    // Every record was audited once, with the job that wrote it.
    const [sample] = (await api('POST', '/api/v1/records/lotes/query', { filter: { field: 'codigo', op: 'eq', value: 'A002499' } })).body.items;
    const history = await api('GET', `/api/v1/records/lotes/${sample.id}/history`);
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'create', jobId: id, userId: null })]);
    const audited = await db.query(`SELECT count(*) AS n, count(DISTINCT record_id) AS d FROM core.audit WHERE job_id = $1`, [id]);
    expect([Number(audited[0].n), Number(audited[0].d)]).toEqual([2_498, 2_498]);

    const listed = await api('GET', '/api/v1/jobs?state=completed&type=records.bulk');
    expect(listed.body.items.map((j: Row) => j.id)).toContain(id);
  });

  it("runs a user's job with that user's rights, and names the user in the records and their history", async () => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Trabajos-2026!' }, { token: first.body.accessToken });
    expect(changed.status).toBe(200);
    const token = changed.body.accessToken as string;
    const me = (await t.api('GET', '/api/v1/auth/me', undefined, { token })).body.id as string;
    const started = await t.api('POST', '/api/v1/jobs', { type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: rowsOf(1_200, 'M') } }, { token });
    expect(started.status).toBe(202);
    const done = await waitFor(started.body.id, finished);
    expect(done).toMatchObject({ state: 'completed', createdBy: me, succeeded: 1_200, result: { inserted: 1_200 } });
    const [record] = (await api('POST', '/api/v1/records/lotes/query', { filter: { field: 'codigo', op: 'eq', value: 'M001199' } })).body.items;
    expect(record).toMatchObject({ owner: me, createdBy: me });
    const history = await t.api('GET', `/api/v1/records/lotes/${record.id}/history`, undefined, { token });
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'create', userId: me, userName: 'Administrador', jobId: started.body.id })]);
    // The user sees the job through its own session too.
    expect((await t.api('GET', `/api/v1/jobs/${started.body.id}`, undefined, { token })).body.state).toBe('completed');
  });

  it('upserts by a key field in a job', async () => {
    const id = await start({
      module: 'lotes',
      mode: 'upsert',
      keyField: 'codigo',
      rows: [
        { codigo: 'A000001', valor: -1 },
        { codigo: 'A000002', valor: 2 },
        { codigo: 'U000001', valor: 9 },
      ],
    });
    const done = await waitFor(id, finished);
    expect(done).toMatchObject({ state: 'completed', progress: 100, processed: 3, succeeded: 3, failed: 0, result: { inserted: 1, updated: 1, skipped: 1, errorCount: 0, errors: [] } });
    const items = (await api('POST', '/api/v1/records/lotes/query', { filter: { field: 'codigo', op: 'in', value: ['A000001', 'A000002', 'U000001'] }, sort: [{ field: 'codigo' }] })).body.items;
    expect(items.map((r: Row) => [r.codigo, r.valor, r.version])).toEqual([
      ['A000001', -1, 2],
      ['A000002', 2, 1],
      ['U000001', 9, 1],
    ]);
  });

  it('streams progress as server-sent events ending with completed', async () => {
    const id = await start({ module: 'lotes', mode: 'insert', rows: rowsOf(5_000, 'S') });
    const stream = await readEvents(t, op, id);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(stream.ended).toBe(true);
    const kinds = stream.events.map((e) => e.event);
    expect(kinds[kinds.length - 1]).toBe('completed');
    expect(kinds.slice(0, -1).every((k) => k === 'progress')).toBe(true);
    const progress = stream.events.map((e) => e.data.progress as number);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(stream.events[stream.events.length - 1].data).toMatchObject({ id, state: 'completed', progress: 100, processed: 5_000, succeeded: 5_000 });
    // Event ids are the row's revisions: strictly increasing.
    const revisions = stream.events.filter((e) => e.event === 'progress').map((e) => BigInt(e.id!));
    for (let i = 1; i < revisions.length; i++) expect(revisions[i] > revisions[i - 1]).toBe(true);
    // Chunks of 1,000 rows: at least one progress event strictly between start and end.
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);

    // A finished job's stream says so at once and ends.
    const again = await readEvents(t, op, id, 10_000);
    expect(again.ended).toBe(true);
    expect(again.events.map((e) => [e.event, e.data.state])).toEqual([
      ['progress', 'completed'],
      ['completed', 'completed'],
    ]);
    const missing = await readEvents(t, op, '0e9a1c55-7777-4888-9999-aaaabbbbcccc', 10_000);
    expect(missing.status).toBe(404);
  });

  it('cancels a running job: it stops before its next chunk, the chunks it committed stay', async () => {
    const rows = rowsOf(40_000, 'C');
    const before = await countRows(t, op);
    const id = await start({ module: 'lotes', mode: 'insert', rows });
    const running = await waitFor(id, (j) => j.processed >= 1_000 || finished(j));
    expect(running.state).toBe('running');
    const cancelled = await api('POST', `/api/v1/jobs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id, state: 'cancelled' });
    await sleep(1_500);
    const after = await job(id);
    expect(after.state).toBe('cancelled');
    expect(after.processed).toBeLessThan(40_000);
    expect(after.processed % 1_000).toBe(0);
    // What landed is exactly the committed chunks, and nothing more arrives.
    const landed = (await countRows(t, op)) - before;
    expect(landed).toBe(after.processed);
    await sleep(500);
    expect((await countRows(t, op)) - before).toBe(landed);

    const twice = await api('POST', `/api/v1/jobs/${id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'job_finished', message: { es: expect.any(String), en: expect.any(String) }, state: 'cancelled' });
    expect((await api('POST', '/api/v1/jobs/0e9a1c55-7777-4888-9999-aaaabbbbcccc/cancel')).status).toBe(404);
  });

  it('cancels a queued job before it starts', async () => {
    // The first job keeps the queue busy (the in-process queue runs one at a time; BullMQ runs two here).
    const busy = [await start({ module: 'lotes', mode: 'insert', rows: rowsOf(20_000, 'B') }), await start({ module: 'lotes', mode: 'insert', rows: rowsOf(20_000, 'b') })];
    const id = await start({ module: 'lotes', mode: 'insert', rows: rowsOf(10, 'Q') });
    const cancelled = await api('POST', `/api/v1/jobs/${id}/cancel`);
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    for (const other of busy) await api('POST', `/api/v1/jobs/${other}/cancel`);
    await sleep(1_000);
    expect(await job(id)).toMatchObject({ state: 'cancelled', processed: 0, attempts: 0, startedAt: null });
    expect(await countRows(t, op, `count(*) FILTER (WHERE codigo LIKE 'Q%')`)).toBe(0);
  });

  it('refuses an unknown type or a bad payload with 400 and stores nothing', async () => {
    const before = await jobRows();
    const cases: [unknown, [string, string][]][] = [
      [{ type: 'records.explode', payload: { module: 'lotes', mode: 'insert', rows: [{}] } }, [['type', 'unknown_job_type']]],
      [{ payload: {} }, [['type', 'required']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: [{ codigo: 'x' }] }, prioridad: 1 }, [['prioridad', 'unknownField']]],
      [{ type: 'records.bulk', payload: 'filas' }, [['payload', 'record']]],
      [{ type: 'records.bulk', payload: { mode: 'insert', rows: [{}] } }, [['payload.module', 'required']]],
      [{ type: 'records.bulk', payload: { module: 'no_existe', mode: 'insert', rows: [{}] } }, [['payload.module', 'module_not_found']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'merge', rows: [{}] } }, [['payload.mode', 'option']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: 'todas' } }, [['payload.rows', 'type']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: [] } }, [['payload.rows', 'required']]],
      [
        { type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: [{}, 3, null] } },
        [
          ['payload.rows[1]', 'record'],
          ['payload.rows[2]', 'record'],
        ],
      ],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'upsert', rows: [{}] } }, [['payload.keyField', 'required']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'upsert', keyField: 'apodo', rows: [{}] } }, [['payload.keyField', 'unknownField']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', keyField: 'codigo', rows: [{}] } }, [['payload.keyField', 'keyFieldWithInsert']]],
      [{ type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: [{}], lote: 1 } }, [['payload.lote', 'unknownField']]],
      // A body that is not an object reads as one without its members, like every DTO body of the API.
      [
        [],
        [
          ['type', 'required'],
          ['payload', 'record'],
        ],
      ],
    ];
    for (const [body, expected] of cases) {
      const response = await api('POST', '/api/v1/jobs', body);
      expect([body, response.status]).toEqual([body, 400]);
      expect(response.body).toMatchObject({ code: expect.any(String), message: { es: expect.any(String), en: expect.any(String) } });
      expect([body, response.body.details.map((d: { path: string; code: string }) => [d.path, d.code])]).toEqual([body, expected]);
    }
    const tooMany = await api('POST', '/api/v1/jobs', { type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows: Array.from({ length: 100_001 }, () => ({})) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details).toEqual([expect.objectContaining({ path: 'payload.rows', code: 'maxItems' })]);
    expect(await jobRows()).toBe(before);

    expect((await api('GET', '/api/v1/jobs/no-es-uuid')).status).toBe(404);
    expect((await api('GET', '/api/v1/jobs/0e9a1c55-7777-4888-9999-aaaabbbbcccc')).status).toBe(404);
    expect((await api('GET', '/api/v1/jobs?state=dormido')).status).toBe(400);
  });

  it("keeps one operation's jobs out of another's reach", async () => {
    const id = await start({ module: 'lotes', mode: 'insert', rows: rowsOf(1, 'O') });
    await waitFor(id, finished);
    const other = await t.createOperation('jobs2');
    expect((await t.api('GET', `/api/v1/jobs/${id}`, undefined, { operation: other })).status).toBe(404);
    expect((await t.api('POST', `/api/v1/jobs/${id}/cancel`, undefined, { operation: other })).status).toBe(404);
  });
});

describe(`jobs: a job interrupted mid-run resumes from its checkpoint without duplicates (${queueKind})`, () => {
  const TOTAL = 12_000;

  /**
   * Starts a job on one server, stops that server once a few chunks are in,
   * lets `between` change the stopped database (the crash being simulated),
   * and starts a new server on the same database, which finishes the job.
   */
  async function interrupt(between: (dataDir: string, jobId: string) => Promise<void>) {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-jobs-resume-'));
    const overrides: Partial<JobsConfig> = { ...jobTuning, dataDir };
    let first: TestServer | null = await startTestServer(overrides as Partial<RuntimeConfig>);
    let second: TestServer | null = null;
    try {
      const op = await first.createOperation('resume');
      expect((await first.api('POST', '/api/v1/modules', lotes, { operation: op })).status).toBe(201);
      const rows: Row[] = rowsOf(TOTAL, 'K');
      rows[7_345] = { codigo: 'K-mala', valor: 'doce' };
      const started = await first.api('POST', '/api/v1/jobs', { type: 'records.bulk', payload: { module: 'lotes', mode: 'insert', rows } }, { operation: op });
      expect(started.status).toBe(202);
      const id = started.body.id as string;

      let seen: Row;
      for (;;) {
        seen = (await first.api('GET', `/api/v1/jobs/${id}`, undefined, { operation: op })).body;
        if (seen.processed >= 3_000 || (seen.state !== 'queued' && seen.state !== 'running')) break;
        await sleep(20);
      }
      expect(seen.state).toBe('running');
      await first.close();
      first = null;

      const [stopped] = await onStoppedDatabase(dataDir, `SELECT state, processed, checkpoint, attempts FROM core.jobs WHERE id = $1`, [id]);
      // The stop let the current chunk finish: the checkpoint is where the committed rows end.
      expect(stopped.processed).toBeGreaterThanOrEqual(3_000);
      expect(stopped.processed).toBeLessThan(TOTAL);
      expect(stopped.checkpoint).toEqual({ offset: stopped.processed });
      expect(stopped.attempts).toBe(1);
      await between(dataDir, id);

      second = await startTestServer(overrides as Partial<RuntimeConfig>);
      const resumedBy = second;
      let done: Row;
      const until = Date.now() + 120_000;
      for (;;) {
        done = (await resumedBy.api('GET', `/api/v1/jobs/${id}`, undefined, { operation: op })).body;
        if (['completed', 'failed', 'cancelled'].includes(done.state) || Date.now() > until) break;
        await sleep(50);
      }
      expect(done).toMatchObject({
        state: 'completed',
        progress: 100,
        processed: TOTAL,
        succeeded: TOTAL - 1,
        failed: 1,
        result: { total: TOTAL, inserted: TOTAL - 1, skipped: 1, errorCount: 1, errors: [expect.objectContaining({ row: 7_345 })] },
      });
      expect(done.attempts).toBeGreaterThanOrEqual(2);

      const sql = resumedBy.server.app.get(DataSource);
      const [{ schema_name: schema }] = await sql.query(`SELECT schema_name FROM core.operations WHERE key = $1`, [op]);
      const [counts] = await sql.query(`SELECT count(*) AS n, count(DISTINCT codigo) AS d FROM "${schema}".lotes`);
      expect([Number(counts.n), Number(counts.d)]).toEqual([TOTAL - 1, TOTAL - 1]);
      const [audit] = await sql.query(`SELECT count(*) AS n, count(DISTINCT record_id) AS d FROM core.audit WHERE job_id = $1`, [id]);
      expect([Number(audit.n), Number(audit.d)]).toEqual([TOTAL - 1, TOTAL - 1]);
      return { stopped, done };
    } finally {
      await first?.close();
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('after a graceful stop: the job went back to queued and the next server resumes it', async () => {
    await interrupt(async (dataDir, id) => {
      const [row] = await onStoppedDatabase(dataDir, `SELECT state FROM core.jobs WHERE id = $1`, [id]);
      expect(row.state).toBe('queued');
    });
  }, 240_000);

  it('after a killed worker: the row still says running, its lease long expired, and the next server takes it back', async () => {
    await interrupt(async (dataDir, id) => {
      // What a process killed mid-chunk leaves: the chunk it was writing rolled back, the row `running`, untouched since.
      await onStoppedDatabase(dataDir, `UPDATE core.jobs SET state = 'running', updated_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    });
  }, 240_000);
});
