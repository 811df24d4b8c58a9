import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate merges (B3). Each merge keeps what undoing it needs: the kept
 * record's values before and after, and every link it re-pointed (module,
 * record, field, old value). `core.record_merged` names, per operation and
 * module, the records a merge soft-deleted and the record they went into
 * (`mergedInto`); a record is in at most one merge that is not undone.
 */
export class Merges1764000012000 implements MigrationInterface {
  name = 'Merges1764000012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.record_merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        job_id uuid REFERENCES core.jobs(id) ON DELETE SET NULL,
        kept_id uuid NOT NULL,
        merged_ids uuid[] NOT NULL,
        kept_before jsonb NOT NULL,
        kept_after jsonb NOT NULL,
        links jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        undone_at timestamptz,
        undone_by uuid,
        undo_job_id uuid
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS record_merges_module ON core.record_merges (operation_id, module, created_at DESC)`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.record_merged (
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        record_id uuid NOT NULL,
        merge_id uuid NOT NULL REFERENCES core.record_merges(id) ON DELETE CASCADE,
        merged_into uuid NOT NULL,
        PRIMARY KEY (operation_id, module, record_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS core.record_merged`);
    await db.query(`DROP TABLE IF EXISTS core.record_merges`);
  }
}
