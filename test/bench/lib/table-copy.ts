import type { Pool } from 'pg';

/**
 * Copies `schema.table` (rows, primary key and every secondary index, rebuilt
 * after the rows go in) to `targetSchema.table`, then VACUUM ANALYZE: a
 * same-size twin for raw baselines that must not touch the API's table.
 */
export async function copyTable(pool: Pool, schema: string, table: string, targetSchema: string): Promise<{ seconds: number }> {
  const start = Date.now();
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${targetSchema}"`);
    await client.query(`CREATE TABLE "${targetSchema}"."${table}" (LIKE "${schema}"."${table}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await client.query(`INSERT INTO "${targetSchema}"."${table}" SELECT * FROM "${schema}"."${table}"`);
    await client.query(`ALTER TABLE "${targetSchema}"."${table}" ADD PRIMARY KEY (id)`);
    const { rows } = await client.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes i
        WHERE schemaname = $1 AND tablename = $2
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
      [schema, table],
    );
    // Index names are per schema, so the same names can stay; only the table changes.
    for (const { indexdef } of rows) await client.query(indexdef.replace(/ ON (ONLY )?\S+ /, ` ON "${targetSchema}"."${table}" `));
    await client.query(`VACUUM (ANALYZE) "${targetSchema}"."${table}"`);
  } finally {
    client.release();
  }
  return { seconds: (Date.now() - start) / 1000 };
}
