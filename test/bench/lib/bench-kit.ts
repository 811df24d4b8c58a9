/**
 * Shared plumbing of the records benchmarks: a dedicated database per run
 * (created here, dropped at the end, so the shared `test` database is never
 * touched), the real server started in-process on it, latency statistics and
 * the JSON output under test/bench/out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client, Pool, type PoolConfig } from 'pg';
import type { TestServer } from '../../support/test-server';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** The server's pool size (runtime/database/database.provider.ts); raw baselines use the same. */
export const SERVER_POOL_SIZE = 20;

export function log(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export interface LatencyStats {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles, in milliseconds. */
export function latencyStats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    samples: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]),
  };
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `bench_<name>_<pid>` on the server of DATABASE_URL. Everything a
 * benchmark makes (core rows, operation schemas, copies) lives there and goes
 * with one DROP DATABASE, even when the run fails half-way.
 */
export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
  const base = new URL(process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL);
  const dbName = `bench_${name}_${process.pid}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.toString());
  url.pathname = `/${dbName}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new Client({ connectionString: base.toString() });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return { name: dbName, url: url.toString(), drop };
}

export function rawPool(url: string, extra: Partial<PoolConfig> = {}): Pool {
  return new Pool({ connectionString: url, max: SERVER_POOL_SIZE, idleTimeoutMillis: 30_000, ...extra });
}

/** The real server (test/support/test-server.ts) on the bench database, logs off, no demo data. */
export async function startBenchServer(db: BenchDatabase): Promise<TestServer> {
  // Imported on demand: the raw baselines load none of the runtime (a dynamic import would need an ES module path here).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTestServer } = require('../../support/test-server') as typeof import('../../support/test-server');
  return startTestServer({ databaseUrl: db.url, redisUrl: process.env.REDIS_URL?.trim() || undefined });
}

/** Runs `body`, then `cleanup` whatever happens (also on Ctrl-C), prints the result and writes test/bench/out/<name>.json. */
export async function runBench(name: string, body: (cleanup: (fn: () => Promise<unknown>) => void) => Promise<Record<string, unknown>>): Promise<void> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const runCleanups = async () => {
    while (cleanups.length) {
      const fn = cleanups.pop() as () => Promise<unknown>;
      try {
        await fn();
      } catch (error) {
        log(`cleanup failed: ${(error as Error).message}`);
      }
    }
  };
  const onSignal = () => {
    log('interrupted: cleaning up');
    void runCleanups().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = process.hrtime.bigint();
  // The machine may be shared: its load (1-minute average, runnable processes) at both ends tells how busy it was.
  const loadAtStart = round(loadavg()[0], 1);
  let failed = false;
  try {
    const figures = await body((fn) => cleanups.push(fn));
    const loadAverage = { start: loadAtStart, end: round(loadavg()[0], 1), cpus: cpus().length };
    const result = { bench: name, node: process.version, at: new Date().toISOString(), durationSeconds: round(ms(started) / 1000, 1), loadAverage, ...figures };
    console.log(JSON.stringify(result, null, 2));
    const out = join(__dirname, '..', 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await runCleanups();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // Pools, sockets and timers of the server are closed; exit explicitly in case a library keeps a handle.
  process.exit(failed ? 1 : 0);
}

/** Throws with the response body when the API did not answer `expected`. */
export function expectStatus(response: { status: number; body: unknown }, expected: number, what: string): void {
  if (response.status !== expected) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 800)}`);
}

/** Postgres' own figures for a table: size, rows, indexes. */
export async function tableFacts(pool: Pool | Client, schema: string, table: string) {
  const { rows } = await pool.query(
    `SELECT pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap, c.reltuples::bigint AS rows,
            (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid) AS indexes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, table],
  );
  const r = rows[0];
  return { rows: Number(r.rows), indexes: Number(r.indexes), heapMB: round(Number(r.heap) / 2 ** 20, 1), totalMB: round(Number(r.total) / 2 ** 20, 1) };
}
