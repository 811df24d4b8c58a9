import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface OutboxListQuery {
  status?: MailStatus;
  jobId?: string;
  limit: number;
  /** Position after the previous page's last row: its offset in the newest-first order. */
  offset: number;
}

/** A message taken for one delivery attempt, with the sender of its operation. */
export interface ClaimedMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  attempts: number;
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
}

const LIST_COLUMNS = `id, module, record_id AS "recordId", job_id AS "jobId", template_key AS "templateKey", to_address AS "to", from_address AS "from", subject, html,
  status, error, attempts, created_by AS "createdBy", created_at AS "createdAt", sent_at AS "sentAt", last_attempt_at AS "lastAttemptAt",
  CASE WHEN status = 'pending' THEN next_attempt_at END AS "nextAttemptAt"`;

/** core.mail_outbox: what the transport wrote, what the dispatcher claims and marks, and what admins read and retry. */
@Injectable()
export class MailOutboxRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(operation: OperationRef, query: OutboxListQuery): Promise<{ items: Record<string, unknown>[]; total: number; counts: Record<MailStatus, number> }> {
    const params: unknown[] = [operation.id, query.jobId ?? null];
    const where = `operation_id = $1 AND ($2::uuid IS NULL OR job_id = $2::uuid)`;
    const byStatus = await sqlRows<{ status: MailStatus; n: number }>(this.db.manager, `SELECT status, count(*)::int AS n FROM core.mail_outbox WHERE ${where} GROUP BY status`, params);
    const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, byStatus.find((row) => row.status === s)?.n ?? 0])) as Record<MailStatus, number>;
    const items = await sqlRows<Record<string, unknown>>(
      this.db.manager,
      `SELECT ${LIST_COLUMNS} FROM core.mail_outbox WHERE ${where} AND ($3::text IS NULL OR status = $3)
        ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [...params, query.status ?? null, query.limit, query.offset],
    );
    const total = query.status ? counts[query.status] : MAIL_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    return { items, total, counts };
  }

  /**
   * Takes up to `limit` due messages for one attempt. The next attempt moves `lease` ahead
   * first, so a server that dies while sending leaves the message to be tried again, and
   * SKIP LOCKED lets several servers drain one outbox without taking the same message.
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    return sqlRows<ClaimedMail>(
      this.db.manager,
      `WITH due AS (
         SELECT id FROM core.mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       UPDATE core.mail_outbox m
          SET attempts = m.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $1::double precision / 1000)
         FROM due, core.operations o
        WHERE m.id = due.id AND o.id = m.operation_id
       RETURNING m.id, m.to_address AS "to", m.subject, m.html, m.attempts,
                 o.mail_from_name AS "fromName", o.mail_from_address AS "fromAddress", o.mail_reply_to AS "replyTo"`,
      [leaseMs],
    );
  }

  async markSent(id: string, from: string): Promise<void> {
    await this.db.query(`UPDATE core.mail_outbox SET status = 'sent', sent_at = now(), error = NULL, from_address = $2 WHERE id = $1 AND status = 'pending'`, [id, from]);
  }

  /** A temporary failure: the reason is shown while the message waits for its next attempt. */
  async reschedule(id: string, error: string, waitMs: number): Promise<void> {
    await this.db.query(`UPDATE core.mail_outbox SET error = $2, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000) WHERE id = $1 AND status = 'pending'`, [
      id,
      error,
      waitMs,
    ]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE core.mail_outbox SET status = 'failed', error = $2 WHERE id = $1 AND status = 'pending'`, [id, error]);
  }

  /** A failed message of the operation back to pending, due now, with its attempts counted again from zero. */
  async retry(operation: OperationRef, id: string): Promise<Record<string, unknown> | 'notFound' | 'notFailed'> {
    const [row] = await sqlRows<Record<string, unknown>>(
      this.db.manager,
      `UPDATE core.mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND operation_id = $2 AND status = 'failed' RETURNING ${LIST_COLUMNS}`,
      [id, operation.id],
    );
    if (row) return row;
    const [exists] = await sqlRows(this.db.manager, `SELECT 1 FROM core.mail_outbox WHERE id = $1 AND operation_id = $2`, [id, operation.id]);
    return exists ? 'notFailed' : 'notFound';
  }
}
