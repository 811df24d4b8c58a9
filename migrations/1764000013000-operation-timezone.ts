import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The operation's time zone (IANA name): aggregations bucket dates and times by its calendar. */
export class OperationTimezone1764000013000 implements MigrationInterface {
  name = 'OperationTimezone1764000013000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE core.operations ADD COLUMN IF NOT EXISTS time_zone text NOT NULL DEFAULT 'America/Bogota'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE core.operations DROP COLUMN IF EXISTS time_zone`);
  }
}
