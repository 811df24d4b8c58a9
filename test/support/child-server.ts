/**
 * The real server in a process of its own, for tests that kill it (kill -9):
 * the test server of test-server.ts on CHILD_DATA_DIR (its embedded database,
 * when DATABASE_URL is not set) with the BullMQ prefix CHILD_JOBS_PREFIX and a
 * short lock, so another server finds its jobs stalled fast. Prints one JSON
 * line `{ url, token, clientIp }` when listening.
 */
import { startTestServer } from './test-server';

async function main() {
  const dataDir = process.env.CHILD_DATA_DIR;
  const prefix = process.env.CHILD_JOBS_PREFIX;
  if (!dataDir || !prefix) throw new Error('CHILD_DATA_DIR and CHILD_JOBS_PREFIX are required');
  const t = await startTestServer({ dataDir, jobs: { prefix, lockDurationMs: 1_500, stalledIntervalMs: 500, backoffMs: 200, eventsPollMs: 100 } });
  process.stdout.write(`${JSON.stringify({ url: t.server.url, token: t.config.bootstrapToken, clientIp: t.clientIp })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
