import type { EntityManager } from 'typeorm';

/**
 * Runs a statement and returns its rows whatever the command: TypeORM's
 * `query` answers `[rows, count]` for UPDATE and DELETE, rows otherwise.
 * Inside a transaction the statement runs on that transaction's connection.
 */
export async function sqlRows<T = Record<string, unknown>>(db: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = db.queryRunner ?? db.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return (result.records ?? []) as T[];
  } finally {
    if (!db.queryRunner) await runner.release();
  }
}
