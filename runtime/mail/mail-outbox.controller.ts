import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Requires } from '../core/requires.decorator';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';

/** The operation's composed e-mails, newest first (admins): what left or waits to leave. */
@ApiTags('mail')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Requires.admin()
@Controller('api/v1/mail/outbox')
export class MailOutboxController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  @Get()
  @ApiQuery({ name: 'jobId', required: false })
  async list(@CurrentOperation() operation: OperationRef, @Query('jobId') jobId?: string) {
    const job = typeof jobId === 'string' && /^[0-9a-f-]{36}$/i.test(jobId) ? jobId : null;
    const items = await this.db.query(
      `SELECT id, module, record_id AS "recordId", job_id AS "jobId", template_key AS "templateKey", to_address AS "to", subject, html, status, error,
              created_by AS "createdBy", created_at AS "createdAt", sent_at AS "sentAt"
         FROM core.mail_outbox WHERE operation_id = $1 AND ($2::uuid IS NULL OR job_id = $2::uuid) ORDER BY created_at DESC, id LIMIT 500`,
      [operation.id, job],
    );
    return { items, total: items.length, nextCursor: null };
  }
}
