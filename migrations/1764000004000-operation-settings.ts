import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operation settings of S4 kept outside module definitions (tipificación trees,
 * e-mail templates, the web-integration link): one current row per section and
 * every previous value kept, so an admin can see who changed what and when.
 */
export class OperationSettings1764000004000 implements MigrationInterface {
  name = 'OperationSettings1764000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.operation_settings (
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        section text NOT NULL,
        value jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        PRIMARY KEY (operation_id, section)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.operation_setting_versions (
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        section text NOT NULL,
        version integer NOT NULL,
        value jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        PRIMARY KEY (operation_id, section, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS core.operation_setting_versions`);
    await db.query(`DROP TABLE IF EXISTS core.operation_settings`);
  }
}
