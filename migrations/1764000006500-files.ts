import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments of `file` fields (R2). The bytes live in Postgres next to the
 * records, so a backup, a restore or the embedded PGlite carry them with no
 * second store. A row names the operation, module and field it was uploaded
 * for: a record may only reference files of its own operation, module and field.
 */
export class Files1764000006500 implements MigrationInterface {
  name = 'Files1764000006500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.files (
        id uuid PRIMARY KEY,
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        field text NOT NULL,
        name text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS files_operation_module_idx ON core.files (operation_id, module, field)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS core.files`);
  }
}
