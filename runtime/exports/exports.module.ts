import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { RecordsModule } from '../records/records.module';
import { ExportFilesRepository } from './export-files.repository';
import { ExportLinkSigner } from './export-link.signer';
import { ExportReadyMail } from './export-ready.mail';
import { ExportUserRights } from './export-user.rights';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { RecordsExportJob } from './records-export.job';

/**
 * Background exports of table views (B6): the `records.export` job (it
 * registers itself with the global JobRegistry), the files it stores, their
 * signed, expiring, per-user links and the e-mail that carries them.
 */
@Module({
  imports: [RecordsModule, MailModule],
  controllers: [ExportsController],
  providers: [ExportFilesRepository, ExportLinkSigner, ExportReadyMail, ExportUserRights, ExportsService, RecordsExportJob],
})
export class ExportsModule {}
