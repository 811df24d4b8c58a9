import { SYSTEM_MIGRATIONS } from '@crm/migrations';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '../config/runtime.config';
import { EmbeddedPostgres } from './embedded-postgres';

export interface Database {
  dataSource: DataSource;
  embedded?: EmbeddedPostgres;
}

/**
 * Connects to Postgres (DATABASE_URL) or starts the embedded PGlite, then runs
 * the pending system migrations. PGlite is a single session, hence a pool of one.
 */
export async function openDatabase(config: RuntimeConfig): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl ?? embedded?.url,
    migrations: SYSTEM_MIGRATIONS,
    migrationsTableName: 'system_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: embedded ? 1 : 20, idleTimeoutMillis: 30_000 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { dataSource, embedded };
}

export async function closeDatabase(database: Database): Promise<void> {
  if (database.dataSource.isInitialized) await database.dataSource.destroy();
  await database.embedded?.stop();
}
