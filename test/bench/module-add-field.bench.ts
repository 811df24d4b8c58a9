/**
 * Adding a field to a module with 1,000,000 records:
 * `PUT /api/v1/modules/contactos` with the current definition plus one text
 * field, timed by the client, vs a raw `ALTER TABLE … ADD COLUMN` on a
 * same-size copy of the table (rows and indexes), in the same run.
 * Also, for information: a searchable text field (the plan adds a trigram
 * index, built over the 1,000,000 rows) vs raw ALTER + CREATE INDEX.
 *
 * Run: `npm run bench:module-add-field` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; BENCH_RECORDS, BENCH_ROUNDS).
 * Works in its own database bench_addfield_<pid>, dropped at the end.
 */
import type { ModuleDefinition } from '@crm/engine';
import { createBenchDatabase, expectStatus, latencyStats, log, ms, rawPool, round, runBench, startBenchServer, tableFacts } from './lib/bench-kit';
import { loadContacts } from './lib/contact-data';
import { JsonClient } from './lib/http-client';
import { traceStatements } from './lib/pg-trace';
import { copyTable } from './lib/table-copy';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const AIM_MS = 1000;

void runBench('module-add-field', async (cleanup) => {
  const db = await createBenchDatabase('addfield');
  cleanup(() => db.drop());
  const t = await startBenchServer(db);
  cleanup(() => t.close());
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());
  const op = await t.createOperation('baddf');
  const schema = `op_${op}`;
  const copySchema = 'bench_copy';
  const client = new JsonClient(t.server.url, { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op });
  cleanup(async () => client.close());

  log(`loading ${RECORDS.toLocaleString('en')} contactos into ${schema}.contactos`);
  const load = await loadContacts(pool, schema, 'contactos', RECORDS, log);
  log(`copying the table to ${copySchema}.contactos for the raw baseline`);
  const copy = await copyTable(pool, schema, 'contactos', copySchema);
  const facts = await tableFacts(pool, schema, 'contactos');
  log(`table: ${JSON.stringify(facts)}`);

  const label = (es: string) => ({ es, en: es });
  const current = async (): Promise<ModuleDefinition> => {
    const got = await client.send<ModuleDefinition>('GET', '/api/v1/modules/contactos');
    expectStatus(got, 200, 'GET /api/v1/modules/contactos');
    return got.body;
  };
  const addField = async (key: string, searchable: boolean) => {
    const definition = await current();
    const next = { ...definition, fields: [...definition.fields, { key, type: 'text', label: label(`Campo ${key}`), ...(searchable && { searchable: true }) }] };
    delete (next as Partial<ModuleDefinition>).version;
    const start = process.hrtime.bigint();
    const traced = await traceStatements(() => client.send('PUT', '/api/v1/modules/contactos', { definition: next }));
    const total = ms(start);
    expectStatus(traced.result, 200, `PUT /api/v1/modules/contactos (+${key})`);
    const ddl = traced.statements.filter((s) => /^(ALTER TABLE|CREATE INDEX)/i.test(s.sql));
    return {
      ms: total,
      dbMs: traced.dbMs,
      ddlMs: ddl.reduce((a, s) => a + s.ms, 0),
      statements: traced.statements,
    };
  };
  const rawAdd = async (key: string, searchable: boolean) => {
    const c = await pool.connect();
    try {
      const start = process.hrtime.bigint();
      await c.query('BEGIN');
      await c.query(`ALTER TABLE "${copySchema}"."contactos" ADD COLUMN "${key}" text`);
      if (searchable) await c.query(`CREATE INDEX "contactos_${key}_trgm" ON "${copySchema}"."contactos" USING gin ("${key}" gin_trgm_ops)`);
      await c.query('COMMIT');
      return ms(start);
    } finally {
      c.release();
    }
  };

  const api: number[] = [];
  const raw: number[] = [];
  const apiDb: number[] = [];
  const apiDdl: number[] = [];
  let sampleStatements: { sql: string; ms: number }[] = [];
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    const key = `campo_extra_${round_}`;
    // Alternate which side goes first so neither always gets the warmer catalog caches.
    if (round_ % 2) raw.push(await rawAdd(key, false));
    const a = await addField(key, false);
    if (!(round_ % 2)) raw.push(await rawAdd(key, false));
    api.push(a.ms);
    apiDb.push(a.dbMs);
    apiDdl.push(a.ddlMs);
    if (round_ === ROUNDS) sampleStatements = a.statements;
    log(`round ${round_}: API ${a.ms.toFixed(1)} ms (db ${a.dbMs.toFixed(1)}, DDL ${a.ddlMs.toFixed(1)}), raw ALTER ${raw[raw.length - 1].toFixed(1)} ms`);
  }
  log('searchable field (trigram index over every row)');
  const rawSearchable = await rawAdd('campo_buscable', true);
  const apiSearchable = await addField('campo_buscable', true);
  log(`searchable: API ${apiSearchable.ms.toFixed(0)} ms (DDL ${apiSearchable.ddlMs.toFixed(0)}), raw ${rawSearchable.toFixed(0)} ms`);

  const { rows: columns } = await pool.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'contactos' AND column_name LIKE 'campo_%'`, [schema]);
  if (columns[0].n !== ROUNDS + 1) throw new Error(`expected ${ROUNDS + 1} new columns, found ${columns[0].n}`);
  const final = await current();
  const apiStats = latencyStats(api);
  const rawStats = latencyStats(raw);
  return {
    records: RECORDS,
    rounds: ROUNDS,
    table: facts,
    setupSeconds: { ...load, copySeconds: copy.seconds },
    addTextField: {
      apiMs: { median: apiStats.p50, max: apiStats.max, all: api.map((v) => round(v, 1)) },
      apiDbMs: { median: latencyStats(apiDb).p50, ddlMedian: latencyStats(apiDdl).p50 },
      rawAlterMs: { median: rawStats.p50, max: rawStats.max, all: raw.map((v) => round(v, 1)) },
      ratioApiToRaw: round(apiStats.p50 / rawStats.p50, 1),
      aimMs: AIM_MS,
      aimMet: apiStats.max < AIM_MS,
    },
    addSearchableTextField: {
      apiMs: round(apiSearchable.ms, 1),
      apiDdlMs: round(apiSearchable.ddlMs, 1),
      rawAlterAndCreateIndexMs: round(rawSearchable, 1),
      ratioApiToRaw: round(apiSearchable.ms / rawSearchable, 2),
    },
    definitionVersionAfter: final.version,
    statementsOfLastPut: sampleStatements.map((s) => ({ ms: round(s.ms, 2), sql: s.sql.slice(0, 160) })),
  };
});
