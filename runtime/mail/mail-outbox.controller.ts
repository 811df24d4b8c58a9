import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { CurrentOperation } from '../core/caller';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { OUTBOX_PAGE, OutboxListQuery } from './dto/outbox-list.query';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailDispatcher } from './mail.dispatcher';
import { isUuid } from '../core/uuid';

/** The operation's composed e-mails, newest first (admins): what left, what waits and why, what failed and can be retried. */
@ApiTags('mail')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Requires.admin()
@Controller('api/v1/mail')
export class MailOutboxController {
  constructor(
    @Inject(MailOutboxRepository) private readonly outbox: MailOutboxRepository,
    @Inject(MailDispatcher) private readonly dispatcher: MailDispatcher,
  ) {}

  @Get('outbox')
  @ApiOperation({ summary: 'Messages of the operation, newest first, with their delivery status and counts per status.' })
  async list(@CurrentOperation() operation: OperationRef, @Query() query: OutboxListQuery) {
    const limit = query.limit ?? OUTBOX_PAGE.default;
    const offset = query.cursor ? Number(query.cursor) : 0;
    const page = await this.outbox.list(operation, { status: query.status, jobId: query.jobId, limit, offset });
    const next = offset + page.items.length;
    return { items: page.items, total: page.total, counts: page.counts, nextCursor: next < page.total ? String(next) : null };
  }

  @Get('delivery')
  @ApiOperation({ summary: 'Whether messages leave by SMTP (SMTP_URL) or stay in the outbox, and through which host.' })
  delivery() {
    return this.dispatcher.enabled
      ? { transport: 'smtp', host: this.dispatcher.host }
      : {
          transport: 'outbox',
          host: null,
          reason: {
            es: 'No hay un servidor SMTP configurado (SMTP_URL): los correos esperan en la bandeja de salida y saldrán cuando se configure.',
            en: 'No SMTP server is configured (SMTP_URL): messages wait in the outbox and will leave once it is set.',
          },
        };
  }

  @Post('outbox/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sends a failed message again: back to pending, due now, attempts counted from zero.' })
  async retry(@CurrentOperation() operation: OperationRef, @Param('id') id: string) {
    const result = isUuid(id) ? await this.outbox.retry(operation, id) : 'notFound';
    if (result === 'notFound') throw ApiError.notFound({ es: 'El correo no existe.', en: 'The message does not exist.' });
    if (result === 'notFailed') throw ApiError.conflict('mail_not_failed', { es: 'Solo se reintenta un correo fallido.', en: 'Only a failed message can be retried.' });
    return result;
  }
}
