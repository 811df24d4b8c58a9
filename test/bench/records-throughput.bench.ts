/**
 * Read and create throughput at 50 connections (autocannon): `GET
 * /api/v1/records/contactos/:id` and `POST /api/v1/records/contactos` on the
 * real server vs a hand-written Fastify + pg server (lib/raw-server.ts)
 * sending the same SQL (the SELECT by id; the INSERT … RETURNING and the audit
 * entry in one transaction), on the same table, in the same run.
 *
 * Each server runs in its own process (lib/serve-api.ts, lib/raw-server.ts),
 * autocannon in this one. Both pools have the server's size (20). Reads pick
 * ids of a 100,000-row table in a seeded order; creates send generated
 * contacts. Every measurement (5 s) is preceded by a short warm-up of the
 * same kind; the two sides take turns, 4 rounds, alternating which goes
 * first, and the ratio is taken over all rounds together.
 *
 * Run: `npm run bench:records-throughput` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; REDIS_URL; BENCH_RECORDS,
 * BENCH_DURATION seconds per measurement, BENCH_ROUNDS, BENCH_CONNECTIONS).
 * Works in its own database bench_rw_<pid>, dropped at the end.
 */
import autocannon = require('autocannon');
import { createBenchDatabase, log, rawPool, round, runBench, startBenchServer } from './lib/bench-kit';
import { startChild } from './lib/child';
import { contactRows, loadContacts, seededRandom } from './lib/contact-data';
import { JsonClient } from './lib/http-client';
import { traceStatements } from './lib/pg-trace';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const AIM_RATIO = 0.6;

type Result = Awaited<ReturnType<typeof autocannon>>;
type RawRequest = Parameters<NonNullable<NonNullable<Parameters<typeof autocannon>[0]['requests']>[number]['setupRequest']>>[0];

type Kind = 'read' | 'create';
type Side = 'api' | 'raw';

interface Measured {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
}

void runBench('records-throughput', async (cleanup) => {
  const db = await createBenchDatabase('rw');
  cleanup(() => db.drop());
  const api = await startChild<{ url: string; token: string }>('serve-api.ts', { BENCH_DATABASE_URL: db.url });
  cleanup(() => api.stop());
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());

  const op = `brw_${Date.now().toString(36)}`;
  const admin = new JsonClient(api.info.url, { authorization: `Bearer ${api.info.token}` });
  cleanup(async () => admin.close());
  const created = await admin.send('POST', '/api/v1/operations', { key: op, name: op });
  if (created.status !== 201) throw new Error(`operation not created: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  const { rows: opRows } = await pool.query<{ id: string; schema_name: string }>(`SELECT id, schema_name FROM core.operations WHERE key = $1`, [op]);
  const { id: operationId, schema_name: schema } = opRows[0];

  log(`loading ${RECORDS.toLocaleString('en')} contactos into ${schema}.contactos`);
  const load = await loadContacts(pool, schema, 'contactos', RECORDS, log);
  await pool.query(`SELECT setseed(0.17)`);
  const { rows: idRows } = await pool.query<{ id: string }>(`SELECT id FROM "${schema}".contactos ORDER BY random() LIMIT 20000`);
  const ids = idRows.map((r) => r.id);

  const raw = await startChild<{ url: string; statements: Record<Kind, string[]> }>('raw-server.ts', {
    BENCH_DATABASE_URL: db.url,
    BENCH_SCHEMA: schema,
    BENCH_OPERATION_ID: operationId,
  });
  cleanup(() => raw.stop());
  const bodies = contactRows(5_000, 99).map((row) => JSON.stringify(row));

  // What the API sends for one read and one create (traced in-process, definition and operation already cached),
  // held against the raw server's statements: the same texts for the read, the same statements in order for the create.
  const apiStatements = await (async () => {
    const t = await startBenchServer(db);
    try {
      const c = new JsonClient(t.server.url, { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op });
      await c.send('GET', `/api/v1/records/contactos/${ids[1]}`);
      const read = await traceStatements(() => c.send('GET', `/api/v1/records/contactos/${ids[2]}`));
      await c.send('POST', '/api/v1/records/contactos', bodies[0]);
      const create = await traceStatements(() => c.send('POST', '/api/v1/records/contactos', bodies[1]));
      c.close();
      return { read: read.statements.map((s) => s.sql), create: create.statements.map((s) => s.sql) };
    } finally {
      await t.close();
    }
  })();
  const norm = (sql: string) => sql.replace(/\s+/g, ' ').trim();
  const head = (sql: string) => norm(sql).replace(/\(.*$/, '').slice(0, 60);
  const sameStatements = {
    read: apiStatements.read.length === raw.info.statements.read.length && apiStatements.read.every((sql, i) => norm(sql) === norm(raw.info.statements.read[i])),
    create: apiStatements.create.length === raw.info.statements.create.length && apiStatements.create.every((sql, i) => head(sql) === head(raw.info.statements.create[i])),
  };
  if (!sameStatements.read || !sameStatements.create) {
    log(`API statements differ from the raw server's:\n${JSON.stringify({ api: apiStatements, raw: raw.info.statements }, null, 1)}`);
  }

  const headers = { authorization: `Bearer ${api.info.token}`, 'x-operation': op, 'content-type': 'application/json' };
  const target: Record<Side, { url: string; read: (id: string) => string; create: string; headers: Record<string, string> }> = {
    api: { url: api.info.url, read: (id) => `/api/v1/records/contactos/${id}`, create: '/api/v1/records/contactos', headers },
    raw: { url: raw.info.url, read: (id) => `/records/${id}`, create: '/records', headers: { 'content-type': 'application/json' } },
  };

  // Both sides must answer the same record, or the comparison means nothing.
  const sample: Record<Side, unknown> = { api: null, raw: null };
  for (const side of ['api', 'raw'] as Side[]) {
    const c = new JsonClient(target[side].url, target[side].headers);
    const got = await c.send('GET', target[side].read(ids[0]));
    c.close();
    if (got.status !== 200) throw new Error(`${side} GET: HTTP ${got.status} ${JSON.stringify(got.body)}`);
    sample[side] = got.body;
  }
  const differing = Object.keys(sample.api as object).filter((k) => JSON.stringify((sample.api as never)[k]) !== JSON.stringify((sample.raw as never)[k]));
  if (differing.length) throw new Error(`API and raw records differ in ${differing.join(', ')}`);

  const run = (side: Side, kind: Kind, duration: number): Promise<Result> => {
    const t = target[side];
    const random = seededRandom(kind === 'read' ? 11 : 13);
    const setupRequest = (request: RawRequest): RawRequest =>
      kind === 'read'
        ? { ...request, method: 'GET', path: t.read(ids[Math.floor(random() * ids.length)]) }
        : { ...request, method: 'POST', path: t.create, body: bodies[Math.floor(random() * bodies.length)] };
    return new Promise((resolve, reject) => {
      autocannon({ url: t.url, connections: CONNECTIONS, duration, headers: t.headers, requests: [{ setupRequest }] }).then(resolve, reject);
    });
  };
  const measure = async (side: Side, kind: Kind): Promise<Measured> => {
    await run(side, kind, WARMUP);
    const r = await run(side, kind, DURATION);
    const m = {
      requestsPerSecond: Math.round(r.requests.total / r.duration),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    };
    log(`${kind} ${side}: ${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, non-2xx ${m.non2xx}, errors ${m.errors}`);
    if (m.non2xx || m.errors) throw new Error(`${kind} ${side}: ${m.non2xx} non-2xx answers, ${m.errors} errors`);
    return m;
  };

  const results: Record<Kind, Record<Side, Measured[]>> = { read: { api: [], raw: [] }, create: { api: [], raw: [] } };
  for (let r = 0; r < ROUNDS; r++) {
    const order: Side[] = r % 2 ? ['api', 'raw'] : ['raw', 'api'];
    for (const kind of ['read', 'create'] as Kind[]) for (const side of order) results[kind][side].push(await measure(side, kind));
  }

  const { rows: counted } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".contactos`);
  const summary = (kind: Kind) => {
    const ratios = results[kind].api.map((a, i) => round(a.requestsPerSecond / results[kind].raw[i].requestsPerSecond));
    const total = (side: Side) => results[kind][side].reduce((sum, m) => sum + m.requests, 0);
    const worstP99 = (side: Side) => Math.max(...results[kind][side].map((m) => m.latencyMs.p99));
    const medianP99 = (side: Side) => [...results[kind][side].map((m) => m.latencyMs.p99)].sort((a, b) => a - b)[Math.floor(results[kind][side].length / 2)];
    const ratio = round(total('api') / total('raw'));
    return {
      api: { requestsPerSecond: Math.round(total('api') / (DURATION * ROUNDS)), p99MedianMs: medianP99('api'), p99WorstMs: worstP99('api'), rounds: results[kind].api },
      raw: { requestsPerSecond: Math.round(total('raw') / (DURATION * ROUNDS)), p99MedianMs: medianP99('raw'), p99WorstMs: worstP99('raw'), rounds: results[kind].raw },
      // All rounds together (the two sides took turns, so a busy moment of the shared machine falls on both), and round by round.
      ratio,
      ratiosPerRound: ratios,
      aimMet: ratio >= AIM_RATIO,
    };
  };
  return {
    records: RECORDS,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds: ROUNDS,
    setupSeconds: load,
    read: summary('read'),
    create: summary('create'),
    aim: `API >= ${AIM_RATIO} of the hand-written Fastify + pg server's requests/s`,
    sameStatements,
    apiStatements: { read: apiStatements.read.map((sql) => norm(sql).slice(0, 200)), create: apiStatements.create.map((sql) => norm(sql).slice(0, 200)) },
    rowsAfter: counted[0].n,
  };
});
