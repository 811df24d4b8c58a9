import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background exports (B6): the file a `records.export` job built, kept in the
 * database in 1 MB chunks (every replica serves the same file and nothing holds
 * it whole), with the columns it holds and when its link expires.
 */
export class Exports1764000010000 implements MigrationInterface {
  name = 'Exports1764000010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.exports (
        job_id uuid PRIMARY KEY REFERENCES core.jobs(id) ON DELETE CASCADE,
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        name text NOT NULL,
        columns jsonb NOT NULL,
        rows integer NOT NULL,
        size bigint NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.export_file_chunks (
        job_id uuid NOT NULL REFERENCES core.exports(job_id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS jobs_operation_type_creator ON core.jobs (operation_id, type, created_by, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS core.jobs_operation_type_creator`);
    await db.query(`DROP TABLE IF EXISTS core.export_file_chunks`);
    await db.query(`DROP TABLE IF EXISTS core.exports`);
  }
}
