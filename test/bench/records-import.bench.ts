/**
 * Import: a ~100 MB CSV of contactos (466,000 rows, 14 columns: Spanish
 * labels as headers, option labels, DD/MM/YYYY dates, `;`) uploaded through
 * `POST /api/v1/imports/files`, previewed and loaded by the `records.import`
 * job (insert mode, validation, rules, hooks and audit as always), timed from
 * the upload's first byte to the job's completion, against a plain `COPY` of
 * the same file (pg-copy-streams, CSV format, `DateStyle` DMY) into a table
 * with the module table's columns, constraints and indexes (`LIKE … INCLUDING
 * ALL`). The COPY runs once before the import and once after it, into two
 * fresh tables, so a busy moment of the shared machine falls on both sides.
 * The server runs in its own process; its RSS is sampled every 500 ms from
 * the upload to the job's end.
 *
 * Then the three "Línea 147" extracts (../shared/data/ba147) are imported on
 * the embedded default (PGlite, in-process queue: no DATABASE_URL for that
 * server), each timed.
 *
 * Run: `npm run bench:records-import` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; REDIS_URL; BENCH_IMPORT_ROWS,
 * default 466,000; BENCH_PGLITE=false skips the PGlite part; BENCH_CPU_PROF=<folder>
 * profiles the server). Works in its
 * own database bench_import_<pid>, dropped at the end; the CSV is written to
 * a temporary folder, removed at the end.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Pool } from 'pg';
import { createBenchDatabase, expectStatus, log, ms, rawPool, round, runBench, tableFacts } from './lib/bench-kit';
import { startChild } from './lib/child';
import { CSV_FIELDS, writeContactCsv } from './lib/contact-csv';
import { DEFAULT_CONTACT_DATA } from './lib/contact-data';
import { JsonClient } from './lib/http-client';
import { preview, rssMB, startImport, uploadFile, waitForJob } from './lib/import-steps';
import { LINEA147_MODULE } from '../fixtures/ba147/linea147.module';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 466_000);
const PGLITE = process.env.BENCH_PGLITE !== 'false';
const BA147_FILES = ['147_01-07_enero.csv', '147_15-21_junio.csv', '147_18-24_agosto.csv'];
const AIM_RATIO = 2;
const AIM_RSS_MB = 300;
const SAMPLE_MS = 500;

type Row = Record<string, any>;
type Server = Awaited<ReturnType<typeof startChild<{ url: string; token: string; pid: number }>>>;

/** Samples a process's RSS every SAMPLE_MS until stopped. */
function rssSampler(pid: number) {
  const samples: number[] = [];
  const take = () => {
    const mb = rssMB(pid);
    if (mb !== null) samples.push(mb);
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  let stopped = false;
  return {
    samples,
    stop() {
      if (!stopped) take();
      stopped = true;
      clearInterval(timer);
      return { samples: samples.length, maxMB: round(Math.max(...samples), 1), startMB: round(samples[0], 1), endMB: round(samples[samples.length - 1], 1) };
    },
  };
}

async function createOperation(server: Server, prefix: string): Promise<{ key: string; client: JsonClient; headers: Record<string, string> }> {
  const auth = { authorization: `Bearer ${server.info.token}` };
  const admin = new JsonClient(server.info.url, auth);
  const key = `${prefix}_${Date.now().toString(36)}`;
  const created = await admin.send('POST', '/api/v1/operations', { key, name: key });
  admin.close();
  expectStatus(created, 201, 'POST /operations');
  const headers = { ...auth, 'x-operation': key };
  return { key, client: new JsonClient(server.info.url, headers), headers };
}

/** A table shaped as the module's (columns, constraints, indexes); the system columns the API fills get defaults, so COPY can leave them out. */
async function copyTarget(pool: Pool, schema: string, name: string): Promise<string> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS bench_copy`);
  await pool.query(`CREATE TABLE bench_copy."${name}" (LIKE "${schema}".contactos INCLUDING ALL)`);
  const { rows } = await pool.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'bench_copy' AND table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`,
    [name],
  );
  const defaults: Record<string, string> = { uuid: 'gen_random_uuid()', integer: '1', 'timestamp with time zone': 'now()' };
  for (const column of rows) await pool.query(`ALTER TABLE bench_copy."${name}" ALTER COLUMN "${column.column_name}" SET DEFAULT ${defaults[column.data_type]}`);
  return `bench_copy."${name}"`;
}

/** `COPY … FROM STDIN (FORMAT csv, HEADER, DELIMITER ';')` of the file, timed; dates read as DD/MM/YYYY. */
async function copyFile(pool: Pool, target: string, path: string): Promise<{ ms: number; rows: number }> {
  const client = await pool.connect();
  try {
    await client.query(`SET DateStyle = 'ISO, DMY'`);
    const start = process.hrtime.bigint();
    const stream = client.query(copyFrom(`COPY ${target} (${CSV_FIELDS.map((f) => `"${f}"`).join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')`));
    await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), stream);
    return { ms: ms(start), rows: Number(stream.rowCount ?? 0) };
  } finally {
    client.release();
  }
}

/** Upload → preview → job, each timed; `fixMapping` edits the detected mapping as the user would. */
async function importThrough(server: Server, op: { client: JsonClient; headers: Record<string, string> }, module: string, path: string, payload: Row = {}, fixMapping = (m: Row[]) => m) {
  const start = process.hrtime.bigint();
  const file = await uploadFile(server.info.url, op.headers, path);
  const uploadMs = ms(start);
  const previewStart = process.hrtime.bigint();
  const shown = await preview(op.client, file.id, module);
  const previewMs = ms(previewStart);
  const mapping = fixMapping(shown.mapping);
  const jobStart = process.hrtime.bigint();
  const job = await startImport(op.client, { fileId: file.id, module, mapping, options: shown.options, mode: 'insert', ...payload });
  const done = await waitForJob(op.client, job.id, 200);
  const jobMs = ms(jobStart);
  if (done.state !== 'completed') throw new Error(`import of ${path} ended ${done.state}: ${JSON.stringify(done).slice(0, 1500)}`);
  return { file, shown, mapping, job: done, uploadMs, previewMs, jobMs, totalMs: ms(start) };
}

void runBench('records-import', async (cleanup) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  cleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, 'contactos.csv');
  log(`writing ${ROWS.toLocaleString('en')} contactos to a CSV`);
  const bytes = await writeContactCsv(csv, ROWS);
  log(`CSV: ${(bytes / 2 ** 20).toFixed(1)} MB`);

  const db = await createBenchDatabase('import');
  cleanup(() => db.drop());
  const server = await startChild<{ url: string; token: string; pid: number }>('serve-api.ts', { BENCH_DATABASE_URL: db.url });
  // The signal goes to the server itself: through tsx's launcher it would not reach the profile writer (BENCH_CPU_PROF).
  const stopServer = async () => {
    if (server.process.exitCode === null) process.kill(server.info.pid, 'SIGTERM');
    for (let waited = 0; rssMB(server.info.pid) !== null && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    await server.stop();
  };
  cleanup(stopServer);
  const rssAtStart = rssMB(server.info.pid);
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());
  const op = await createOperation(server, 'bimp');
  cleanup(async () => op.client.close());
  const { rows: opRows } = await pool.query<{ schema_name: string }>(`SELECT schema_name FROM core.operations WHERE key = $1`, [op.key]);
  const schema = opRows[0].schema_name;

  // Warm-up on a small file: the validator compiled, pools open, the job code paths hot, on both sides.
  {
    const warmCsv = join(dir, 'warm.csv');
    await writeContactCsv(warmCsv, 2_000);
    const warm = await createOperation(server, 'bimpwarm');
    await importThrough(server, warm, 'contactos', warmCsv);
    warm.client.close();
    await copyFile(pool, await copyTarget(pool, schema, 'warm'), warmCsv);
  }

  const rssAfterWarmUp = rssMB(server.info.pid);
  log('COPY of the file (before)');
  const copyBefore = await copyFile(pool, await copyTarget(pool, schema, 'before'), csv);
  log(`COPY: ${copyBefore.ms.toFixed(0)} ms, ${copyBefore.rows} rows`);

  log('import through the API');
  const sampler = rssSampler(server.info.pid);
  cleanup(async () => sampler.stop());
  const product = await importThrough(server, op, 'contactos', csv);
  const rss = sampler.stop();
  log(`import: upload ${product.uploadMs.toFixed(0)} ms, job ${product.jobMs.toFixed(0)} ms, RSS max ${rss.maxMB} MB`);
  const unmapped = product.mapping.filter((m) => m.field === null).map((m) => m.header);
  if (unmapped.length) throw new Error(`columns not mapped automatically: ${unmapped.join(', ')}`);
  const result = product.job.result as Row;
  if (result.inserted !== ROWS || result.errorCount !== 0) throw new Error(`import result: ${JSON.stringify(result)}`);

  log('COPY of the file (after)');
  const copyAfter = await copyFile(pool, await copyTarget(pool, schema, 'after'), csv);
  log(`COPY: ${copyAfter.ms.toFixed(0)} ms`);
  for (const copy of [copyBefore, copyAfter]) if (copy.rows !== ROWS) throw new Error(`COPY stored ${copy.rows} rows of ${ROWS}`);

  // Same text values on both sides (picklists differ by design: labels in the COPY, keys from the import).
  const compared = ['nombre', 'apellido', 'documento', 'fecha_nacimiento', 'email', 'movil', 'direccion'].map((c) => `"${c}"`).join(', ');
  const { rows: diff } = await pool.query(`SELECT count(*)::int AS n FROM (SELECT ${compared} FROM "${schema}".contactos EXCEPT ALL SELECT ${compared} FROM bench_copy."after") d`);
  const { rows: audit } = await pool.query(`SELECT count(*)::int AS n FROM core.audit a JOIN core.operations o ON o.id = a.operation_id WHERE o.key = $1`, [op.key]);
  if (audit[0].n !== ROWS) throw new Error(`audit entries: ${audit[0].n} of ${ROWS}`);

  const copyMs = (copyBefore.ms + copyAfter.ms) / 2;
  const ratio = product.totalMs / copyMs;
  const figures: Record<string, unknown> = {
    rows: ROWS,
    fileMB: round(bytes / 2 ** 20, 1),
    columns: CSV_FIELDS.length,
    product: {
      seconds: round(product.totalMs / 1000, 2),
      uploadSeconds: round(product.uploadMs / 1000, 2),
      previewSeconds: round(product.previewMs / 1000, 2),
      jobSeconds: round(product.jobMs / 1000, 2),
      jobRunSeconds: round((Date.parse(product.job.finishedAt) - Date.parse(product.job.startedAt)) / 1000, 2),
      rowsPerSecond: Math.round((ROWS / product.totalMs) * 1000),
      result,
      auditRows: audit[0].n,
      rowsDifferingFromCopy: diff[0].n,
      rssMB: { ...rss, idleAtStart: round(rssAtStart ?? 0, 1), afterWarmUp: round(rssAfterWarmUp ?? 0, 1) },
    },
    copy: {
      seconds: round(copyMs / 1000, 2),
      beforeSeconds: round(copyBefore.ms / 1000, 2),
      afterSeconds: round(copyAfter.ms / 1000, 2),
      rowsPerSecond: Math.round((ROWS / copyMs) * 1000),
    },
    ratioProductToCopy: round(ratio, 2),
    aim: `product within ${AIM_RATIO}x of COPY, server RSS <= ${AIM_RSS_MB} MB`,
    aimMet: { ratio: ratio <= AIM_RATIO, rss: rss.maxMB <= AIM_RSS_MB },
    tables: { product: await tableFacts(pool, schema, 'contactos'), copy: await tableFacts(pool, 'bench_copy', 'after') },
  };
  await stopServer();

  if (PGLITE) figures.pglite = await importBa147();
  return figures;
});

/** The three Línea 147 extracts on the embedded server (PGlite), one after another into one module, each timed. */
async function importBa147() {
  const embedded = await startChild<{ url: string; token: string; pid: number }>('serve-api.ts', { BENCH_EMBEDDED: '1' });
  try {
    const op = await createOperation(embedded, 'bimp147');
    const created = await op.client.send('POST', '/api/v1/modules', LINEA147_MODULE);
    expectStatus(created, 201, 'POST /modules linea147');
    const sampler = rssSampler(embedded.info.pid);
    const files: Row[] = [];
    for (const name of BA147_FILES) {
      log(`PGlite: ${name}`);
      const run = await importThrough(embedded, op, 'linea147', join(DEFAULT_CONTACT_DATA, name), { skipDuplicates: true }, (mapping) =>
        mapping.map((m) => (m.header === 'domiclio_calle' ? { ...m, field: 'domicilio_calle' } : m)),
      );
      const r = run.job.result as Row;
      files.push({
        file: name,
        rows: r.total,
        inserted: r.inserted,
        duplicates: r.duplicates,
        errors: r.errorCount,
        seconds: round(run.totalMs / 1000, 2),
        uploadSeconds: round(run.uploadMs / 1000, 2),
        jobSeconds: round(run.jobMs / 1000, 2),
      });
      log(`PGlite: ${name}: ${r.total} rows in ${(run.totalMs / 1000).toFixed(1)} s`);
    }
    return { files, rssMB: sampler.stop() };
  } finally {
    await embedded.stop();
  }
}
