/**
 * Export: 100,000 contactos (12 columns: text, picklists as labels, a date and
 * a date-time) exported by the `records.export` job as XLSX (exceljs's
 * streaming writer) and as CSV (csv-stringify), timed from `POST /api/v1/jobs`
 * to the job's completion (read in keyset pages through the records query
 * with the user's access, written to a temporary file, stored in 1 MB chunks,
 * the link e-mailed), then the download, against a raw baseline in the same
 * run: `COPY (SELECT the same columns … ORDER BY the same sort) TO STDOUT
 * (FORMAT csv)` through pg-copy-streams into a file. The COPY runs before and
 * after the exports, so a busy moment of the shared machine falls on both
 * sides. The server runs in its own process; its RSS is sampled every 250 ms
 * from each request to the end of its download.
 *
 * Run: `npm run bench:records-export` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; REDIS_URL; BENCH_EXPORT_ROWS, default
 * 100,000). Works in its own database bench_export_<pid>, dropped at the end;
 * the files go to a temporary folder, removed at the end.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { createBenchDatabase, expectStatus, log, ms, rawPool, round, runBench } from './lib/bench-kit';
import { startChild } from './lib/child';
import { loadContacts } from './lib/contact-data';
import { JsonClient } from './lib/http-client';
import { rssMB, waitForJob } from './lib/import-steps';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const COLUMNS = ['nombre', 'apellido', 'tipo_documento', 'documento', 'fecha_nacimiento', 'genero', 'email', 'telefono', 'ciudad', 'region', 'canal_preferido', 'ultima_actividad'];
const SORT = [{ field: 'createdAt', dir: 'desc' }];
const AIM_RATIO = 3;
const AIM_RSS_MB = 300;
const SAMPLE_MS = 250;

type Row = Record<string, any>;
type Server = Awaited<ReturnType<typeof startChild<{ url: string; token: string; pid: number }>>>;

function rssSampler(pid: number) {
  const samples: number[] = [];
  const take = () => {
    const mb = rssMB(pid);
    if (mb !== null) samples.push(mb);
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    stop() {
      take();
      clearInterval(timer);
      return { samples: samples.length, maxMB: round(Math.max(...samples), 1), startMB: round(samples[0], 1), endMB: round(samples[samples.length - 1], 1) };
    },
  };
}

/** The operation and its admin's session (exports belong to a user; the platform token has none). */
async function adminSession(server: Server): Promise<{ key: string; client: JsonClient; headers: Record<string, string> }> {
  const platform = new JsonClient(server.info.url, { authorization: `Bearer ${server.info.token}` });
  const key = `bexp_${Date.now().toString(36)}`;
  expectStatus(await platform.send('POST', '/api/v1/operations', { key, name: key }), 201, 'POST /operations');
  platform.close();
  const anonymous = new JsonClient(server.info.url);
  const login = await anonymous.send('POST', '/api/v1/auth/login', { operation: key, username: `ADMIN_@${key}`, password: key });
  expectStatus(login, 200, 'login');
  const changed = await new JsonClient(server.info.url, { authorization: `Bearer ${login.body.accessToken}` }).send('POST', '/api/v1/auth/change-password', {
    currentPassword: key,
    newPassword: 'Exporta-Bench-2026',
  });
  expectStatus(changed, 200, 'change-password');
  anonymous.close();
  const headers = { authorization: `Bearer ${changed.body.accessToken}` };
  return { key, client: new JsonClient(server.info.url, headers), headers };
}

/** Streams a GET to a file; resolves with its bytes. */
function downloadTo(baseUrl: string, path: string, headers: Record<string, string>, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(new URL(path, baseUrl), { headers }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`download: HTTP ${res.statusCode}`));
      pipeline(res, createWriteStream(file)).then(() => resolve(statSync(file).size), reject);
    }).on('error', reject);
  });
}

/** `COPY (SELECT … ORDER BY created_at DESC, id) TO STDOUT (FORMAT csv, HEADER)` into a file, timed. */
async function copyOut(pool: Pool, schema: string, file: string): Promise<{ ms: number; bytes: number }> {
  const client = await pool.connect();
  try {
    const start = process.hrtime.bigint();
    const columns = COLUMNS.map((c) => `"${c}"`).join(', ');
    const stream = client.query(copyTo(`COPY (SELECT ${columns} FROM "${schema}".contactos WHERE deleted_at IS NULL ORDER BY created_at DESC, id) TO STDOUT WITH (FORMAT csv, HEADER true)`));
    await pipeline(stream, createWriteStream(file));
    return { ms: ms(start), bytes: statSync(file).size };
  } finally {
    client.release();
  }
}

async function exportThrough(server: Server, op: { client: JsonClient; headers: Record<string, string> }, format: 'xlsx' | 'csv', file: string) {
  const sampler = rssSampler(server.info.pid);
  const start = process.hrtime.bigint();
  const asked = await op.client.send('POST', '/api/v1/jobs', {
    type: 'records.export',
    payload: { module: 'contactos', columns: COLUMNS, sort: SORT, format, language: 'es', timeZone: 'America/Bogota' },
  });
  expectStatus(asked, 202, 'POST /jobs records.export');
  const job = await waitForJob(op.client, asked.body.id, 100);
  const jobMs = ms(start);
  if (job.state !== 'completed') throw new Error(`export ${format} ended ${job.state}: ${JSON.stringify(job.error)}`);
  const listed = await op.client.send('GET', '/api/v1/exports?limit=10');
  const item = (listed.body.items as Row[]).find((i) => i.id === asked.body.id)!;
  const downloadStart = process.hrtime.bigint();
  const bytes = await downloadTo(server.info.url, item.downloadPath, op.headers, file);
  const downloadMs = ms(downloadStart);
  const rss = sampler.stop();
  if (job.result.rows !== ROWS || bytes !== job.result.size) throw new Error(`export ${format}: ${job.result.rows} rows, ${bytes} of ${job.result.size} bytes`);
  return { jobMs, downloadMs, bytes, rss, runSeconds: (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000, timings: job.result.timings as Row };
}

void runBench('records-export', async (cleanup) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  cleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const db = await createBenchDatabase('export');
  cleanup(() => db.drop());
  const server = await startChild<{ url: string; token: string; pid: number }>('serve-api.ts', { BENCH_DATABASE_URL: db.url });
  // The signal goes to the server itself: through tsx's launcher it would not reach the profile writer (BENCH_CPU_PROF).
  cleanup(async () => {
    if (server.process.exitCode === null) process.kill(server.info.pid, 'SIGTERM');
    for (let waited = 0; rssMB(server.info.pid) !== null && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    await server.stop();
  });
  const rssAtStart = rssMB(server.info.pid);
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());
  const op = await adminSession(server);
  cleanup(async () => op.client.close());
  const { rows: opRows } = await pool.query<{ schema_name: string }>(`SELECT schema_name FROM core.operations WHERE key = $1`, [op.key]);
  const schema = opRows[0].schema_name;
  log(`loading ${ROWS.toLocaleString('en')} contactos`);
  await loadContacts(pool, schema, 'contactos', ROWS);

  // Warm-up: both formats once on a small view, and one COPY, so code paths, pools and caches are hot on both sides.
  for (const format of ['xlsx', 'csv'] as const) {
    const warm = await op.client.send('POST', '/api/v1/jobs', {
      type: 'records.export',
      payload: { module: 'contactos', columns: COLUMNS, sort: SORT, format, filter: { field: 'ciudad', op: 'eq', value: 'Cali' } },
    });
    expectStatus(warm, 202, 'warm-up export');
    await waitForJob(op.client, warm.body.id, 100);
  }
  await copyOut(pool, schema, join(dir, 'warm.csv'));
  const rssAfterWarmUp = rssMB(server.info.pid);

  log('COPY TO (before)');
  const copyBefore = await copyOut(pool, schema, join(dir, 'copy-before.csv'));
  log(`COPY: ${copyBefore.ms.toFixed(0)} ms`);
  log('export XLSX');
  const xlsx = await exportThrough(server, op, 'xlsx', join(dir, 'export.xlsx'));
  log(`XLSX: job ${xlsx.jobMs.toFixed(0)} ms, download ${xlsx.downloadMs.toFixed(0)} ms, RSS max ${xlsx.rss.maxMB} MB`);
  log('export CSV');
  const csv = await exportThrough(server, op, 'csv', join(dir, 'export.csv'));
  log(`CSV: job ${csv.jobMs.toFixed(0)} ms, download ${csv.downloadMs.toFixed(0)} ms, RSS max ${csv.rss.maxMB} MB`);
  log('COPY TO (after)');
  const copyAfter = await copyOut(pool, schema, join(dir, 'copy-after.csv'));
  log(`COPY: ${copyAfter.ms.toFixed(0)} ms`);

  const copyMs = (copyBefore.ms + copyAfter.ms) / 2;
  const side = (run: typeof xlsx) => ({
    seconds: round((run.jobMs + run.downloadMs) / 1000, 2),
    jobSeconds: round(run.jobMs / 1000, 2),
    jobRunSeconds: round(run.runSeconds, 2),
    jobTimings: { readSeconds: round(run.timings.readMs / 1000, 2), writeSeconds: round(run.timings.writeMs / 1000, 2), storeSeconds: round(run.timings.storeMs / 1000, 2) },
    downloadSeconds: round(run.downloadMs / 1000, 2),
    rowsPerSecond: Math.round((ROWS / run.jobMs) * 1000),
    fileMB: round(run.bytes / 2 ** 20, 1),
    rssMB: run.rss,
    ratioToCopy: round((run.jobMs + run.downloadMs) / copyMs, 2),
  });
  const figures = {
    rows: ROWS,
    columns: COLUMNS.length,
    xlsx: side(xlsx),
    csv: side(csv),
    copy: { seconds: round(copyMs / 1000, 2), beforeSeconds: round(copyBefore.ms / 1000, 2), afterSeconds: round(copyAfter.ms / 1000, 2), fileMB: round(copyAfter.bytes / 2 ** 20, 1) },
    serverRssMB: { idleAtStart: round(rssAtStart ?? 0, 1), afterWarmUp: round(rssAfterWarmUp ?? 0, 1) },
    aim: `each export (job + download) within ${AIM_RATIO}x of COPY TO, server RSS <= ${AIM_RSS_MB} MB`,
    aimMet: {
      xlsxRatio: (xlsx.jobMs + xlsx.downloadMs) / copyMs <= AIM_RATIO,
      csvRatio: (csv.jobMs + csv.downloadMs) / copyMs <= AIM_RATIO,
      rss: Math.max(xlsx.rss.maxMB, csv.rss.maxMB) <= AIM_RSS_MB,
    },
  };
  return figures;
});
