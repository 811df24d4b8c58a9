/**
 * Bulk insert: 100,000 contactos through `POST /api/v1/records/contactos/bulk`
 * (10 calls of 10,000 rows, mode insert), rows per second, vs a plain `COPY`
 * of the same rows (pg-copy-streams, text format; one COPY per batch of
 * 10,000, as the API has one transaction per call) into the same table layout
 * in a second, clean operation, measured in the same run, batch by batch in
 * turn. For reference, the whole load in one COPY into a fourth operation.
 *
 * Both targets are the catalog's contactos table as the runtime creates it
 * (primary key, 7 trigram and 10 b-tree indexes). Request bodies and COPY
 * text are built before the clock starts; what is timed is sending and
 * storing. Each side gets a warm-up batch in a third operation first.
 *
 * Run: `npm run bench:records-bulk` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; BENCH_ROWS, BENCH_BATCH).
 * Works in its own database bench_bulk_<pid>, dropped at the end.
 */
import { createBenchDatabase, expectStatus, log, ms, rawPool, round, runBench, startBenchServer, tableFacts } from './lib/bench-kit';
import { CONTACT_COLUMNS, contactRows } from './lib/contact-data';
import { copyInto, copyTextChunks } from './lib/copy-rows';
import { JsonClient } from './lib/http-client';
import { traceStatements } from './lib/pg-trace';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const WARMUP_ROWS = 2_000;
const AIM_RATIO = 3;

void runBench('records-bulk', async (cleanup) => {
  const db = await createBenchDatabase('bulk');
  cleanup(() => db.drop());
  const t = await startBenchServer(db);
  cleanup(() => t.close());
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());
  const [apiOp, copyOp, warmOp, copyAllOp] = [await t.createOperation('bbapi'), await t.createOperation('bbcopy'), await t.createOperation('bbwarm'), await t.createOperation('bbcopy1')];
  const client = (op: string) => new JsonClient(t.server.url, { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op });
  const api = client(apiOp);
  const warm = client(warmOp);
  cleanup(async () => (api.close(), warm.close()));

  log(`generating ${ROWS.toLocaleString('en')} contactos`);
  const rows = contactRows(ROWS, 42);
  const bodies: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) bodies.push(JSON.stringify({ rows: rows.slice(i, i + BATCH), mode: 'insert' }));
  const copyChunks: Buffer[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) copyChunks.push(copyTextChunks(rows.slice(i, i + BATCH), CONTACT_COLUMNS));
  const warmRows = contactRows(WARMUP_ROWS, 7);
  const bulk = async (c: JsonClient, body: string, expected: number) => {
    const res = await c.send('POST', '/api/v1/records/contactos/bulk', body);
    if (res.status !== 200 && res.status !== 201) expectStatus(res, 200, 'POST /bulk');
    const inserted = Number(res.body?.inserted ?? res.body?.created ?? res.body?.succeeded ?? res.body?.count ?? expected);
    if (inserted !== expected) throw new Error(`bulk inserted ${inserted} of ${expected}: ${JSON.stringify(res.body).slice(0, 500)}`);
    return res;
  };

  // Warm-up: JIT, validator compilation, connection pools, on both paths.
  await bulk(warm, JSON.stringify({ rows: warmRows, mode: 'insert' }), WARMUP_ROWS);
  {
    const c = await pool.connect();
    try {
      await copyInto(c, `op_${warmOp}`, 'contactos', CONTACT_COLUMNS, copyTextChunks(warmRows, CONTACT_COLUMNS));
    } finally {
      c.release();
    }
  }

  // The two sides take turns batch by batch (alternating which goes first), so a busy moment on the shared
  // machine falls on both; COPY gets the same batches as the API (one statement, one transaction, each).
  log(`${bodies.length} batches of ${BATCH.toLocaleString('en')} rows: API call and COPY in turn`);
  const callMs: number[] = [];
  const copyBatchMs: number[] = [];
  const dbMs: number[] = [];
  const statementCounts: number[] = [];
  let slowest: { sql: string; ms: number; count: number }[] = [];
  let copied = 0;
  const copyBatch = async (i: number) => {
    const c = await pool.connect();
    try {
      const start = process.hrtime.bigint();
      copied += await copyInto(c, `op_${copyOp}`, 'contactos', CONTACT_COLUMNS, copyChunks[i]);
      copyBatchMs.push(ms(start));
    } finally {
      c.release();
    }
  };
  const apiBatch = async (i: number, body: string) => {
    const start = process.hrtime.bigint();
    // The tracer only times the statements the server sends (in-process); it adds no round trips.
    const traced = await traceStatements(() => bulk(api, body, Math.min(BATCH, ROWS - i * BATCH)));
    callMs.push(ms(start));
    dbMs.push(traced.dbMs);
    statementCounts.push(traced.statements.length);
    if (i === bodies.length - 1) {
      const bySql = new Map<string, { sql: string; ms: number; count: number }>();
      for (const s of traced.statements) {
        const key = s.sql.slice(0, 120);
        const entry = bySql.get(key) ?? { sql: key, ms: 0, count: 0 };
        entry.ms += s.ms;
        entry.count++;
        bySql.set(key, entry);
      }
      slowest = [...bySql.values()]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 8)
        .map((e) => ({ ...e, ms: round(e.ms, 1) }));
    }
    return traced;
  };
  for (const [i, body] of bodies.entries()) {
    let traced;
    if (i % 2) {
      await copyBatch(i);
      traced = await apiBatch(i, body);
    } else {
      traced = await apiBatch(i, body);
      await copyBatch(i);
    }
    log(`batch ${i + 1}: API ${callMs[i].toFixed(0)} ms (db ${traced.dbMs.toFixed(0)} ms, ${traced.statements.length} statements), COPY ${copyBatchMs[i].toFixed(0)} ms`);
  }
  if (copied !== ROWS) throw new Error(`COPY stored ${copied} rows of ${ROWS}`);
  // For reference: the same rows in one COPY statement (the fastest load Postgres has), into a fourth clean operation.
  const singleCopyMs = await (async () => {
    const c = await pool.connect();
    try {
      const start = process.hrtime.bigint();
      const n = await copyInto(c, `op_${copyAllOp}`, 'contactos', CONTACT_COLUMNS, copyChunks.flat());
      if (n !== ROWS) throw new Error(`single COPY stored ${n} rows of ${ROWS}`);
      return ms(start);
    } finally {
      c.release();
    }
  })();
  log(`single COPY of ${ROWS} rows: ${singleCopyMs.toFixed(0)} ms`);
  const apiMs = callMs.reduce((a, b) => a + b, 0);
  const copyMs = copyBatchMs.reduce((a, b) => a + b, 0);

  const { rows: counted } = await pool.query(`SELECT (SELECT count(*) FROM "op_${apiOp}".contactos)::int AS api, (SELECT count(*) FROM "op_${copyOp}".contactos)::int AS copy`);
  if (counted[0].api !== ROWS || counted[0].copy !== ROWS) throw new Error(`row counts: ${JSON.stringify(counted[0])}`);
  const { rows: sample } = await pool.query(
    `SELECT count(*)::int AS differing FROM (SELECT ${CONTACT_COLUMNS.join(', ')} FROM "op_${apiOp}".contactos EXCEPT SELECT ${CONTACT_COLUMNS.join(', ')} FROM "op_${copyOp}".contactos) d`,
  );
  const { rows: audit } = await pool.query(`SELECT count(*)::int AS n FROM core.audit`);

  const apiRate = (ROWS / apiMs) * 1000;
  const copyRate = (ROWS / copyMs) * 1000;
  const ratio = copyRate / apiRate;
  return {
    rows: ROWS,
    batch: BATCH,
    calls: bodies.length,
    requestBodyMB: round(bodies.reduce((a, b) => a + Buffer.byteLength(b), 0) / 2 ** 20, 1),
    api: {
      seconds: round(apiMs / 1000, 2),
      rowsPerSecond: Math.round(apiRate),
      callMs: { median: round([...callMs].sort((a, b) => a - b)[Math.floor(callMs.length / 2)], 0), max: round(Math.max(...callMs), 0) },
      dbMsPerCall: round(dbMs.reduce((a, b) => a + b, 0) / dbMs.length, 0),
      statementsPerCall: Math.round(statementCounts.reduce((a, b) => a + b, 0) / statementCounts.length),
      auditRows: audit[0].n,
      heaviestStatementsOfLastCall: slowest,
    },
    copy: {
      seconds: round(copyMs / 1000, 2),
      rowsPerSecond: Math.round(copyRate),
      batchMs: { median: round([...copyBatchMs].sort((a, b) => a - b)[Math.floor(copyBatchMs.length / 2)], 0), max: round(Math.max(...copyBatchMs), 0) },
    },
    ratioCopyToApi: round(ratio, 2),
    singleCopy: { seconds: round(singleCopyMs / 1000, 2), rowsPerSecond: Math.round((ROWS / singleCopyMs) * 1000), ratioToApi: round(apiMs / singleCopyMs, 2) },
    aim: `API within ${AIM_RATIO}x of COPY`,
    aimMet: ratio <= AIM_RATIO,
    rowsDifferingBetweenApiAndCopy: sample[0].differing,
    tables: { api: await tableFacts(pool, `op_${apiOp}`, 'contactos'), copy: await tableFacts(pool, `op_${copyOp}`, 'contactos') },
  };
});
