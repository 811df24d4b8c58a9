/**
 * Child process for the throughput benchmark: the real server
 * (test/support/test-server.ts) on BENCH_DATABASE_URL, so that autocannon in
 * the parent does not share its event loop (BENCH_EMBEDDED=1: on PGlite). Prints one JSON line
 * `{ url, token, pid }` when listening (pid: this process, which tsx's
 * launcher runs as a child of its own, for sampling the server's memory);
 * closes on SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { startTestServer } from '../../support/test-server';

/**
 * BENCH_CPU_PROF=<folder>: a V8 CPU profile of the whole run, written there
 * as server-<pid>.cpuprofile on SIGTERM, before anything else hears it (Nest's
 * shutdown hook ends the process by the signal, so no 'exit' event comes; an
 * in-thread inspector session answers synchronously).
 */
function startProfile(): void {
  const folder = process.env.BENCH_CPU_PROF;
  if (!folder) return;
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.prependOnceListener('SIGTERM', () =>
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(folder, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }),
  );
}

async function main() {
  startProfile();
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  // BENCH_EMBEDDED=1: the embedded default (PGlite in a temporary folder, the in-process queue), whatever DATABASE_URL and REDIS_URL say.
  const embedded = process.env.BENCH_EMBEDDED === '1';
  if (!databaseUrl && !embedded) throw new Error('BENCH_DATABASE_URL (or BENCH_EMBEDDED=1) is required');
  const t = await startTestServer(embedded ? { databaseUrl: undefined, redisUrl: undefined } : { databaseUrl, redisUrl: process.env.REDIS_URL?.trim() || undefined });
  process.stdout.write(`${JSON.stringify({ url: t.server.url, token: t.config.bootstrapToken, pid: process.pid })}\n`);
  const stop = () => void t.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
