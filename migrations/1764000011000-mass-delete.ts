import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Restaurar eliminación" of a mass delete reads back what that job deleted from its
 * audit entries. Only delete entries written by a job are indexed, so the imports and
 * updates that write most of the audit pay nothing for it.
 */
export class MassDelete1764000011000 implements MigrationInterface {
  name = 'MassDelete1764000011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS audit_job_deletes ON core.audit (job_id, record_id) WHERE action = 'delete' AND job_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS core.audit_job_deletes`);
  }
}
