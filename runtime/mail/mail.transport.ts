import type { EntityManager } from 'typeorm';

export interface MailMessage {
  operationId: string;
  module: string;
  recordId: string;
  jobId: string | null;
  templateKey: string;
  to: string;
  subject: string;
  html: string;
  createdBy: string | null;
}

/**
 * Where composed e-mails go. Writes happen inside the caller's transaction, so a
 * message is kept together with the job checkpoint that counts it (never twice).
 * Delivery is not the composer's concern: the dispatcher sends `pending` rows
 * through SMTP_URL after they commit, so a rolled-back job sends nothing.
 */
export interface MailTransport {
  readonly name: string;
  enqueue(db: EntityManager, messages: MailMessage[]): Promise<void>;
}

/** Every message goes to core.mail_outbox as `pending`, visible to admins, until the dispatcher sends it. */
export class OutboxTransport implements MailTransport {
  readonly name = 'outbox';

  async enqueue(db: EntityManager, messages: MailMessage[]): Promise<void> {
    for (const m of messages) {
      await db.query(
        `INSERT INTO core.mail_outbox (operation_id, module, record_id, job_id, template_key, to_address, subject, html, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [m.operationId, m.module, m.recordId, m.jobId, m.templateKey, m.to, m.subject, m.html, m.createdBy],
      );
    }
  }
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
