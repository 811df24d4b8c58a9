import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { SettingsModule } from '../settings/settings.module';
import { MailOutboxController } from './mail-outbox.controller';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailSenderController } from './mail-sender.controller';
import { MailSenderService } from './mail-sender.service';
import { MailDispatcher } from './mail.dispatcher';
import { MAIL_TRANSPORT, OutboxTransport } from './mail.transport';
import { RecordsEmailJob } from './records-email.job';
import { UserMail } from './user-mail';

/**
 * E-mail: every message is written to the outbox in its composer's transaction (the
 * `records.email` job, user mail such as import summaries); the dispatcher sends the
 * outbox through SMTP_URL when it is set. The job registers itself with the global JobRegistry.
 */
@Module({
  imports: [RecordsModule, SettingsModule],
  controllers: [MailOutboxController, MailSenderController],
  providers: [{ provide: MAIL_TRANSPORT, useClass: OutboxTransport }, MailOutboxRepository, MailSenderService, MailDispatcher, UserMail, RecordsEmailJob],
  exports: [MAIL_TRANSPORT, UserMail],
})
export class MailModule {}
