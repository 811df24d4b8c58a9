/**
 * Mass delete: 100,000 contactos soft-deleted by one `records.delete` job (every record,
 * the filter of "Seleccionar los N registros" with no condition), from the request to
 * the job's end, against a raw `UPDATE … SET deleted_at = now()` of the same rows in a
 * second operation with the same table, in the same run. Then "Restaurar eliminación"
 * (`records.undelete`) of the job against a raw `UPDATE … SET deleted_at = NULL`.
 *
 * The job does what the raw statement does not: access and rights, 1,000-row chunks
 * each in its own transaction with its checkpoint, an audit row per record, levels
 * closed and the change feed. Both tables are loaded with the same rows by COPY first.
 *
 * Run: `npm run bench:records-mass-delete` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; BENCH_ROWS). Works in its own database
 * bench_massdelete_<pid>, dropped at the end.
 */
import { createBenchDatabase, expectStatus, log, ms, rawPool, round, runBench, startBenchServer } from './lib/bench-kit';
import { CONTACT_COLUMNS, contactRows } from './lib/contact-data';
import { copyInto, copyTextChunks } from './lib/copy-rows';
import { JsonClient } from './lib/http-client';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

void runBench('records-mass-delete', async (cleanup) => {
  const db = await createBenchDatabase('massdelete');
  cleanup(() => db.drop());
  const t = await startBenchServer(db);
  cleanup(() => t.close());
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());
  const [apiOp, rawOp] = [await t.createOperation('mdapi'), await t.createOperation('mdraw')];
  const api = new JsonClient(t.server.url, { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': apiOp });
  cleanup(async () => api.close());

  log(`loading ${ROWS.toLocaleString('en')} contactos into both operations by COPY`);
  const chunks = copyTextChunks(contactRows(ROWS, 42), CONTACT_COLUMNS);
  const c = await pool.connect();
  try {
    for (const op of [apiOp, rawOp]) await copyInto(c, `op_${op}`, 'contactos', CONTACT_COLUMNS, chunks);
    await c.query(`ANALYZE op_${apiOp}.contactos`);
    await c.query(`ANALYZE op_${rawOp}.contactos`);
  } finally {
    c.release();
  }

  const runJob = async (type: string, payload: Record<string, unknown>) => {
    const start = process.hrtime.bigint();
    const started = await api.send('POST', '/api/v1/jobs', JSON.stringify({ type, payload }));
    expectStatus(started, 202, `POST /jobs ${type}`);
    for (;;) {
      const job = (await api.send('GET', `/api/v1/jobs/${started.body.id}`)).body;
      if (job.state === 'completed') return { id: started.body.id as string, ms: ms(start), result: job.result as Record<string, number> };
      if (job.state === 'failed' || job.state === 'cancelled') throw new Error(`${type} ${job.state}: ${JSON.stringify(job.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const raw = async (sql: string) => {
    const client = await pool.connect();
    try {
      const start = process.hrtime.bigint();
      const result = await client.query(sql);
      return { ms: ms(start), rows: result.rowCount ?? 0 };
    } finally {
      client.release();
    }
  };

  log('mass delete: the job, then the raw UPDATE');
  const deleted = await runJob('records.delete', { module: 'contactos', filter: { and: [] } });
  if (deleted.result.deleted !== ROWS) throw new Error(`the job deleted ${deleted.result.deleted} of ${ROWS}`);
  const rawDelete = await raw(`UPDATE op_${rawOp}.contactos SET deleted_at = now(), version = version + 1, updated_at = now() WHERE deleted_at IS NULL`);
  log('restore: the undelete job, then the raw UPDATE');
  const restored = await runJob('records.undelete', { deleteJobId: deleted.id });
  if (restored.result.restored !== ROWS) throw new Error(`the undelete restored ${restored.result.restored} of ${ROWS}`);
  const rawRestore = await raw(`UPDATE op_${rawOp}.contactos SET deleted_at = NULL, version = version + 1, updated_at = now() WHERE deleted_at IS NOT NULL`);

  const perSecond = (rows: number, millis: number) => Math.round((rows / millis) * 1000);
  return {
    rows: ROWS,
    delete: { jobMs: round(deleted.ms), rowsPerSecond: perSecond(ROWS, deleted.ms), rawUpdateMs: round(rawDelete.ms), rawRows: rawDelete.rows, ratio: round(deleted.ms / rawDelete.ms) },
    restore: { jobMs: round(restored.ms), rowsPerSecond: perSecond(ROWS, restored.ms), rawUpdateMs: round(rawRestore.ms), rawRows: rawRestore.rows, ratio: round(restored.ms / rawRestore.ms) },
  };
});
