/**
 * Aggregation latency on a module with 1,000,000 sales opportunities:
 * `POST /api/v1/records/negocios/aggregate` with two groups (region × close
 * quarter), two measures (sum of the amount, average probability) and a
 * filter (a set of phases AND a close-date range), against the very same
 * statement sent by hand through `pg` (checked: the API's traced SQL equals
 * it, and both answer the same rows), one request at a time, the two sides
 * interleaved and alternating which goes first. The API side includes its
 * per-request work around the statement: auth, definition, the operation's
 * time zone, the compile, labels and JSON.
 *
 * Setup (not measured): a fresh operation, the sales module of
 * test/fixtures/sales-opportunities.ts, 1,000,000 rows from its seeded
 * generator streamed with COPY, the module's indexes rebuilt, VACUUM ANALYZE.
 *
 * Run: `npm run bench:records-aggregate` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; BENCH_RECORDS, BENCH_REQUESTS).
 * Works in its own database bench_aggregate_<pid>, dropped at the end.
 */
import { compileAggregate, type ModuleDefinition } from '@crm/engine';
import type { PoolClient } from 'pg';
import { compileAggregateSql } from '../../runtime/records/record-aggregate.sql-compiler';
import { SALES_MODULE, salesOpportunities } from '../fixtures/sales-opportunities';
import { createBenchDatabase, expectStatus, latencyStats, log, ms, rawPool, round, runBench, startBenchServer, tableFacts } from './lib/bench-kit';
import { copyInto, copyTextChunks } from './lib/copy-rows';
import { JsonClient } from './lib/http-client';
import { traceStatements } from './lib/pg-trace';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const WARMUP = 6;
const AIM_RATIO = 1.2;
const COLUMNS = ['nombre', 'region', 'fase', 'monto', 'probabilidad', 'unidades', 'fecha_cierre', 'cerrada_en', 'owner', 'vendedor'] as const;

/** The measured bodies: the same shape, the phase set and date range varying from request to request. */
const PHASE_SETS = [['ganada', 'negociacion', 'propuesta'], ['ganada'], ['negociacion', 'propuesta', 'calificacion'], ['ganada', 'perdida']];
const RANGES = [
  ['2026-01-01', '2026-12-31'],
  ['2026-04-01', '2026-09-30'],
  ['2026-02-15', '2026-11-15'],
];
const body = (i: number) => ({
  filter: {
    and: [
      { field: 'fase', op: 'in', value: PHASE_SETS[i % PHASE_SETS.length] },
      { field: 'fecha_cierre', op: 'between', value: RANGES[i % RANGES.length] },
    ],
  },
  groups: [{ field: 'region' }, { field: 'fecha_cierre', bucket: 'quarter' }],
  measures: [
    { op: 'sum', field: 'monto' },
    { op: 'avg', field: 'probabilidad' },
  ],
  order: { by: 'label', dir: 'asc' },
});

async function loadSales(client: PoolClient, schema: string, owners: string[]): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET synchronous_commit = off`);
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = $1 AND i.tablename = 'negocios'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
    [schema],
  );
  for (const index of indexes) await client.query(`DROP INDEX "${schema}"."${index.indexname}"`);
  const chunk = 50_000;
  function* chunks(): Generator<Buffer> {
    for (let first = 0; first < RECORDS; first += chunk) {
      yield* copyTextChunks(salesOpportunities(Math.min(chunk, RECORDS - first), owners, [], 2026 + first) as unknown as Record<string, unknown>[], COLUMNS, 5_000);
      if ((first + chunk) % 250_000 === 0) log(`copied ${(first + chunk).toLocaleString('en')} rows`);
    }
  }
  const copied = await copyInto(client, schema, 'negocios', COLUMNS, chunks());
  if (copied !== RECORDS) throw new Error(`COPY stored ${copied} rows of ${RECORDS}`);
  timings.copySeconds = (Date.now() - t) / 1000;
  t = Date.now();
  for (const index of indexes) await client.query(index.indexdef);
  timings.indexSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  await client.query(`VACUUM (ANALYZE) "${schema}"."negocios"`);
  timings.vacuumAnalyzeSeconds = (Date.now() - t) / 1000;
  return { indexesRebuilt: indexes.length, ...timings };
}

void runBench('records-aggregate', async (cleanup) => {
  const db = await createBenchDatabase('aggregate');
  cleanup(() => db.drop());
  const t = await startBenchServer(db);
  cleanup(() => t.close());
  const pool = rawPool(db.url);
  cleanup(() => pool.end());
  const op = await t.createOperation('bagg');
  const client = new JsonClient(t.server.url, { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op });
  cleanup(async () => client.close());
  const [{ schema_name: schema, id: operationId }] = (await pool.query(`SELECT schema_name, id FROM core.operations WHERE key = $1`, [op])).rows;

  expectStatus(await client.send('POST', '/api/v1/modules', SALES_MODULE), 201, 'create module');
  const definition = (await client.send<ModuleDefinition>('GET', '/api/v1/modules/negocios')).body;
  const profiles = (await client.send('GET', '/api/v1/profiles')).body.items as { id: string }[];
  const owners: string[] = [];
  for (let i = 0; i < 8; i++) {
    const created = await client.send('POST', '/api/v1/users', { username: `vendedor${i}`, displayName: `Vendedor ${i}`, profileId: profiles[0].id });
    expectStatus(created, 201, 'create user');
    owners.push(created.body.id);
  }

  log(`loading ${RECORDS.toLocaleString('en')} opportunities into ${schema}.negocios`);
  const loader = await pool.connect();
  const load = await loadSales(loader, schema, owners).finally(() => loader.release());
  const facts = await tableFacts(pool, schema, 'negocios');
  log(`table: ${JSON.stringify(facts)}`);

  // The raw side: the statement the API's compiler makes for this body, in the operation's time zone.
  const [{ time_zone: timeZone }] = (await pool.query(`SELECT time_zone FROM core.operations WHERE id = $1`, [operationId])).rows;
  const rawSql = (i: number) => {
    const compiled = compileAggregate(definition, body(i));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    return compileAggregateSql(schema, definition, compiled.value, timeZone);
  };
  const raw = async (i: number) => {
    const statement = rawSql(i);
    return (await pool.query(statement.text, statement.values)).rows;
  };
  const api = async (i: number) => {
    const res = await client.send('POST', '/api/v1/records/negocios/aggregate', body(i));
    expectStatus(res, 200, 'aggregate');
    return res.body as { rows: { keys: { value: unknown }[]; values: number[] }[] };
  };

  // The API must send this very statement and answer the same rows.
  await api(0);
  const norm = (sql: string) => sql.replace(/\s+/g, ' ').trim();
  const traced = await traceStatements(() => api(0));
  const sameSql = traced.statements.some((s) => norm(s.sql) === norm(rawSql(0).text));
  if (!sameSql) throw new Error(`the raw SQL differs from the API's:\n${traced.statements.map((s) => s.sql).join('\n')}\n---\n${rawSql(0).text}`);
  for (let i = 0; i < WARMUP; i++) {
    const [a, r] = [await api(i), await raw(i)];
    const same =
      a.rows.length === r.length && a.rows.every((row, j) => row.keys[0].value === r[j].k0 && row.keys[1].value === r[j].k1 && row.values[0] === Number(r[j].m0) && row.values[1] === Number(r[j].m1));
    if (!same) throw new Error(`body ${i}: the API and the raw SQL answer different rows`);
  }

  log(`measuring ${REQUESTS} requests per side`);
  const apiMs: number[] = [];
  const rawMs: number[] = [];
  let groups = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const timeApi = async () => {
      const start = process.hrtime.bigint();
      groups += (await api(i)).rows.length;
      apiMs.push(ms(start));
    };
    const timeRaw = async () => {
      const start = process.hrtime.bigint();
      await raw(i);
      rawMs.push(ms(start));
    };
    if (i % 2) {
      await timeRaw();
      await timeApi();
    } else {
      await timeApi();
      await timeRaw();
    }
  }
  const plan = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${rawSql(0).text}`, rawSql(0).values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
  const apiStats = latencyStats(apiMs);
  const rawStats = latencyStats(rawMs);
  return {
    records: RECORDS,
    table: facts,
    setupSeconds: load,
    request: body(0),
    sql: norm(rawSql(0).text),
    sameSqlAsApi: sameSql,
    apiStatements: traced.statements.map((s) => ({ ms: round(s.ms), sql: s.sql.slice(0, 200) })),
    requestsPerSide: REQUESTS,
    meanGroups: round(groups / REQUESTS, 1),
    apiMs: apiStats,
    rawMs: rawStats,
    ratioP95: round(apiStats.p95 / rawStats.p95),
    ratioP50: round(apiStats.p50 / rawStats.p50),
    aim: `API p95 <= ${AIM_RATIO}x the raw p95`,
    aimMet: apiStats.p95 / rawStats.p95 <= AIM_RATIO,
    plan,
  };
});
