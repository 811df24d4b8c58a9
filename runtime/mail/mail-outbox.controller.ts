import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { MailOutboxRepository } from './mail-outbox.repository';

/** The operation's composed e-mails, newest first (admins): what left or waits to leave. */
@ApiTags('mail')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Requires.admin()
@Controller('api/v1/mail/outbox')
export class MailOutboxController {
  constructor(@Inject(MailOutboxRepository) private readonly outbox: MailOutboxRepository) {}

  @Get()
  @ApiQuery({ name: 'jobId', required: false })
  async list(@CurrentOperation() operation: OperationRef, @Query('jobId') jobId?: string) {
    const job = typeof jobId === 'string' && /^[0-9a-f-]{36}$/i.test(jobId) ? jobId : null;
    const items = await this.outbox.list(operation, job);
    return { items, total: items.length, nextCursor: null };
  }
}
