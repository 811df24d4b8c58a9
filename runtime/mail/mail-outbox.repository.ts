import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';

/** Enough for the admin's outbox view; older messages stay in the table. */
export const OUTBOX_LIMIT = 500;

/** Reads core.mail_outbox (the outbox transport writes it): the operation's composed e-mails, newest first. */
@Injectable()
export class MailOutboxRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  list(operation: OperationRef, jobId: string | null): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT id, module, record_id AS "recordId", job_id AS "jobId", template_key AS "templateKey", to_address AS "to", subject, html, status, error,
              created_by AS "createdBy", created_at AS "createdAt", sent_at AS "sentAt"
         FROM core.mail_outbox WHERE operation_id = $1 AND ($2::uuid IS NULL OR job_id = $2::uuid) ORDER BY created_at DESC, id LIMIT ${OUTBOX_LIMIT}`,
      [operation.id, jobId],
    );
  }
}
