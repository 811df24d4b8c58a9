import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every e-mail the CRM composes (R1 "send e-mail with a template"): kept here so
 * nothing is lost when no SMTP server is configured and admins can see what left.
 * A row is written in the same transaction as the job checkpoint that counts it,
 * so a resumed job never composes the same message twice.
 */
export class MailOutbox1764000007500 implements MigrationInterface {
  name = 'MailOutbox1764000007500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        record_id text NOT NULL,
        job_id uuid,
        template_key text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        error text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS mail_outbox_operation_created ON core.mail_outbox (operation_id, created_at DESC)`);
    // A job composes one message per record: a unique pair turns an accidental repeat into an error, not a second e-mail.
    await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS mail_outbox_job_record ON core.mail_outbox (job_id, record_id) WHERE job_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS core.mail_outbox`);
  }
}
