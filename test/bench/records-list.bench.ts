/**
 * List latency on a module with 1,000,000 records: `POST
 * /api/v1/records/contactos/query` with a `contains` filter on `nombre`, a
 * sort by a date field and a page of 50, vs the same SQL sent by hand through
 * `pg` on a pool of the server's size, in the same run, one request at a
 * time, the two sides interleaved term by term (alternating which goes first).
 *
 * The API answers the page and the total (`count(*)` of the filtered set,
 * sent in parallel on a second connection); the raw side sends the same two
 * statements the same way. BENCH_COUNT=false measures both sides with
 * `count: false` (the page alone).
 *
 * Setup (not measured): a fresh operation, 1,000,000 contactos generated in
 * Node and streamed with COPY (lib/contact-data.ts), the runtime's own
 * indexes rebuilt, VACUUM ANALYZE.
 *
 * Run: `npm run bench:records-list` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; BENCH_RECORDS, BENCH_REQUESTS,
 * BENCH_SORT, BENCH_COUNT, BENCH_CONTACT_DATA). Works in its own database
 * bench_list_<pid>, dropped at the end.
 */
import { createBenchDatabase, expectStatus, latencyStats, log, ms, rawPool, round, runBench, startBenchServer, tableFacts } from './lib/bench-kit';
import { loadContacts, searchTerms } from './lib/contact-data';
import { JsonClient } from './lib/http-client';
import { traceStatements } from './lib/pg-trace';
import { LIST_PAGE, listRequestBody, rawList as rawListSql } from './lib/list-sql';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 40;
const SORT = process.env.BENCH_SORT ?? 'ultima_actividad';
const COUNT = process.env.BENCH_COUNT !== 'false';
const AIM_P95_MS = 40;
const AIM_RATIO = 1.5;

void runBench('records-list', async (cleanup) => {
  const db = await createBenchDatabase('list');
  cleanup(() => db.drop());
  const t = await startBenchServer(db);
  cleanup(() => t.close());
  const pool = rawPool(db.url);
  cleanup(() => pool.end());
  const op = await t.createOperation('blist');
  const schema = `op_${op}`;
  const client = new JsonClient(t.server.url, { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op });
  cleanup(async () => client.close());

  log(`loading ${RECORDS.toLocaleString('en')} contactos into ${schema}.contactos`);
  const load = await loadContacts(pool, schema, 'contactos', RECORDS, log);
  const facts = await tableFacts(pool, schema, 'contactos');
  log(`table: ${JSON.stringify(facts)}`);

  const raw = rawListSql(pool, schema, SORT, COUNT);
  const apiList = async (term: string) => {
    const res = await client.send('POST', '/api/v1/records/contactos/query', listRequestBody(term, SORT, COUNT));
    expectStatus(res, 200, `query "${term}"`);
    return res.body as { items: { id: string }[]; total: number | null };
  };
  const rawList = (term: string) => raw.run(term);

  // The raw side must send the very statements the API sends, or the comparison means nothing.
  const norm = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
  await apiList('María'); // loads the definition into the server's cache
  const sent = (await traceStatements(() => apiList('María'))).statements.map((s) => norm(s.sql));
  const sameSql = {
    page: sent.includes(norm(raw.pageSql)),
    count: COUNT ? sent.includes(norm(raw.countSql)) : !sent.some((sql) => sql.startsWith('SELECT count(')),
  };
  if (!sameSql.page || !sameSql.count) throw new Error(`the raw SQL differs from the API's:\n${sent.join('\n')}\n---\n${norm(raw.pageSql)}\n${norm(raw.countSql)}`);

  // The two sides must return the same page and total.
  const terms = searchTerms(WARMUP + REQUESTS);
  let mismatches = 0;
  for (const term of terms.slice(0, WARMUP)) {
    const [a, r] = [await apiList(term), await rawList(term)];
    const same = a.items.length === Math.min(r.rows.length, LIST_PAGE) && a.items.every((item, i) => item.id === r.rows[i].id) && a.total === r.total;
    if (!same) {
      mismatches++;
      log(`page differs for "${term}": API ${a.items.length} items (total ${a.total}), raw ${r.rows.length} (total ${r.total})`);
    }
  }
  if (mismatches > WARMUP / 4) throw new Error(`${mismatches} of ${WARMUP} warm-up pages differ between the API and the raw SQL`);

  log(`measuring ${REQUESTS} requests per side`);
  const apiMs: number[] = [];
  const rawMs: number[] = [];
  const byTerm: { term: string; api: number; raw: number; rows: number }[] = [];
  let pageRows = 0;
  for (const [i, term] of terms.slice(WARMUP).entries()) {
    const timeApi = async () => {
      const start = process.hrtime.bigint();
      const page = await apiList(term);
      apiMs.push(ms(start));
      pageRows += page.items.length;
      return page.items.length;
    };
    const timeRaw = async () => {
      const start = process.hrtime.bigint();
      await rawList(term);
      rawMs.push(ms(start));
    };
    let rows: number;
    if (i % 2) {
      await timeRaw();
      rows = await timeApi();
    } else {
      rows = await timeApi();
      await timeRaw();
    }
    byTerm.push({ term, api: apiMs[apiMs.length - 1], raw: rawMs[rawMs.length - 1], rows });
  }

  // Where the API's time goes: its statements, timed as Node sees them, for a few terms.
  const profile = [];
  for (const term of ['María', 'Ana', 'Rodri', 'Valentina', 'Zamx']) {
    const start = process.hrtime.bigint();
    const traced = await traceStatements(() => apiList(term));
    const total = ms(start);
    const rawStart = process.hrtime.bigint();
    await rawList(term);
    profile.push({
      term,
      apiMs: round(total),
      apiDbMs: round(traced.dbMs),
      rawMs: round(ms(rawStart)),
      statements: traced.statements.map((s) => ({ ms: round(s.ms), sql: s.sql.slice(0, 400) })),
    });
  }
  const plans: Record<string, string[]> = {};
  for (const term of ['María', 'Zamx']) {
    const pattern = `%${term}%`;
    const page = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${raw.pageSql}`, [pattern, LIST_PAGE + 1]);
    plans[`page ${term}`] = page.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
    if (COUNT) {
      const counted = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${raw.countSql}`, [pattern]);
      plans[`count ${term}`] = counted.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
    }
  }

  const api = latencyStats(apiMs);
  const baseline = latencyStats(rawMs);
  const slowest = [...byTerm]
    .sort((a, b) => b.api - a.api)
    .slice(0, 8)
    .map((s) => ({ ...s, api: round(s.api), raw: round(s.raw) }));
  return {
    records: RECORDS,
    table: facts,
    setupSeconds: load,
    request: listRequestBody('<term>', SORT, COUNT),
    rawSql: { page: norm(raw.pageSql), count: COUNT ? norm(raw.countSql) : null },
    sameSqlAsApi: sameSql,
    requestsPerSide: REQUESTS,
    warmupMismatches: mismatches,
    meanRowsPerPage: round(pageRows / REQUESTS, 1),
    apiMs: api,
    rawMs: baseline,
    ratioP95: round(api.p95 / baseline.p95),
    ratioP50: round(api.p50 / baseline.p50),
    aim: `API p95 <= ${AIM_P95_MS} ms and <= ${AIM_RATIO}x the raw p95`,
    aimMet: api.p95 <= AIM_P95_MS && api.p95 / baseline.p95 <= AIM_RATIO,
    slowestTerms: slowest,
    profile,
    plans,
  };
});
