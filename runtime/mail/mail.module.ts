import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { SettingsModule } from '../settings/settings.module';
import { MailOutboxController } from './mail-outbox.controller';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MAIL_TRANSPORT, OutboxTransport } from './mail.transport';
import { RecordsEmailJob } from './records-email.job';

/**
 * E-mail from records (R1): the `records.email` job and the outbox. The job registers itself
 * with the global JobRegistry. SMTP_URL is not honoured yet (no SMTP client installed): every
 * message is kept in the outbox.
 */
@Module({
  imports: [RecordsModule, SettingsModule],
  controllers: [MailOutboxController],
  providers: [{ provide: MAIL_TRANSPORT, useClass: OutboxTransport }, MailOutboxRepository, RecordsEmailJob],
  exports: [MAIL_TRANSPORT],
})
export class MailModule {}
