/**
 * Child process for the throughput benchmark: the real server
 * (test/support/test-server.ts) on BENCH_DATABASE_URL, so that autocannon in
 * the parent does not share its event loop. Prints one JSON line
 * `{ url, token }` when listening; closes on SIGTERM.
 */
import { startTestServer } from '../../support/test-server';

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required');
  const t = await startTestServer({ databaseUrl, redisUrl: process.env.REDIS_URL?.trim() || undefined });
  process.stdout.write(`${JSON.stringify({ url: t.server.url, token: t.config.bootstrapToken })}\n`);
  const stop = () => void t.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
