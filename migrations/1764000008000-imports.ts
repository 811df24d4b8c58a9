import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports (B1, B2) and backups (S3).
 * - Uploaded files are kept in the database in 1 MB chunks, so any replica or
 *   worker can read them and nothing is held whole in memory.
 * - Every failed row is kept with its original cells, not only the first ones.
 * - A load that changes existing records keeps each one's previous values, so
 *   it can be restored exactly.
 * - A job may hold an exclusive key ("one import per module at a time"): the
 *   partial unique index makes a second one fail atomically.
 */
export class Imports1764000008000 implements MigrationInterface {
  name = 'Imports1764000008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE core.jobs ADD COLUMN IF NOT EXISTS exclusive_key text`);
    await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS jobs_exclusive_running ON core.jobs (operation_id, exclusive_key) WHERE exclusive_key IS NOT NULL AND state IN ('queued', 'running')`);
    await db.query(`CREATE INDEX IF NOT EXISTS jobs_operation_module ON core.jobs (operation_id, (payload->>'module'), created_at DESC)`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.import_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        name text NOT NULL,
        size bigint NOT NULL DEFAULT 0,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        complete boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.import_file_chunks (
        file_id uuid NOT NULL REFERENCES core.import_files(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.import_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        name text NOT NULL,
        mapping jsonb NOT NULL,
        options jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (operation_id, module, name)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.import_failures (
        job_id uuid NOT NULL REFERENCES core.jobs(id) ON DELETE CASCADE,
        line integer NOT NULL,
        cells jsonb NOT NULL,
        issues jsonb NOT NULL,
        PRIMARY KEY (job_id, line)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.record_backups (
        job_id uuid NOT NULL REFERENCES core.jobs(id) ON DELETE CASCADE,
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        record_id uuid NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        PRIMARY KEY (job_id, record_id)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.backups (
        job_id uuid PRIMARY KEY REFERENCES core.jobs(id) ON DELETE CASCADE,
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        records integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        restored_at timestamptz,
        restore_job_id uuid
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS backups_operation_module ON core.backups (operation_id, module, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['backups', 'record_backups', 'import_failures', 'import_mappings', 'import_file_chunks', 'import_files']) await db.query(`DROP TABLE IF EXISTS core.${table}`);
    await db.query(`DROP INDEX IF EXISTS core.jobs_operation_module`);
    await db.query(`DROP INDEX IF EXISTS core.jobs_exclusive_running`);
    await db.query(`ALTER TABLE core.jobs DROP COLUMN IF EXISTS exclusive_key`);
  }
}
