import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMTP delivery of the outbox: each message keeps its attempts and when it may be
 * tried again (a claimed message's next attempt is its lease, so a server that dies
 * mid-send leaves it to be retried, not lost), and the address it left from. An
 * operation has its own sender; a user the language their e-mails are written in.
 */
export class MailDelivery1764000009000 implements MigrationInterface {
  name = 'MailDelivery1764000009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE core.mail_outbox ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE core.mail_outbox ADD COLUMN IF NOT EXISTS next_attempt_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`ALTER TABLE core.mail_outbox ADD COLUMN IF NOT EXISTS last_attempt_at timestamptz`);
    await db.query(`ALTER TABLE core.mail_outbox ADD COLUMN IF NOT EXISTS from_address text`);
    await db.query(`CREATE INDEX IF NOT EXISTS mail_outbox_due ON core.mail_outbox (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`ALTER TABLE core.operations ADD COLUMN IF NOT EXISTS mail_from_name text`);
    await db.query(`ALTER TABLE core.operations ADD COLUMN IF NOT EXISTS mail_from_address text`);
    await db.query(`ALTER TABLE core.operations ADD COLUMN IF NOT EXISTS mail_reply_to text`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS language text NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE core.users DROP COLUMN IF EXISTS language`);
    for (const column of ['mail_reply_to', 'mail_from_address', 'mail_from_name']) await db.query(`ALTER TABLE core.operations DROP COLUMN IF EXISTS ${column}`);
    await db.query(`DROP INDEX IF EXISTS core.mail_outbox_due`);
    for (const column of ['from_address', 'last_attempt_at', 'next_attempt_at', 'attempts']) await db.query(`ALTER TABLE core.mail_outbox DROP COLUMN IF EXISTS ${column}`);
  }
}
