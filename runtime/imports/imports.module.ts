import type { Readable } from 'node:stream';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { MailModule } from '../mail/mail.module';
import { RecordsModule } from '../records/records.module';
import { ImportExampleService } from './import-example.service';
import { ImportFailuresRepository } from './import-failures.repository';
import { ImportFileReader } from './import-file.reader';
import { ImportFilesRepository } from './import-files.repository';
import { ImportHistoryService } from './import-history.service';
import { ImportMappingsRepository } from './import-mappings.repository';
import { ImportPreviewService } from './import-preview.service';
import { ImportSummaryMail } from './import-summary.mail';
import { ImportUploadService } from './import-upload.service';
import { ImportsController, UPLOAD_CONTENT_TYPES } from './imports.controller';
import { RecordBackupsRepository } from './record-backups.repository';
import { RecordsImportJob } from './records-import.job';
import { RecordsRestoreJob } from './records-restore.job';

/**
 * CSV / XLSX imports (B1, B2) and backups with exact restore (S3). The jobs
 * register themselves with the global JobRegistry. Uploads arrive as raw
 * bodies; the parser below hands them to the route as a stream, so a 100 MB
 * file never sits in memory.
 */
@Module({
  imports: [RecordsModule, MailModule],
  controllers: [ImportsController],
  providers: [
    ImportFilesRepository,
    ImportUploadService,
    ImportFileReader,
    ImportPreviewService,
    ImportExampleService,
    ImportMappingsRepository,
    ImportFailuresRepository,
    ImportHistoryService,
    RecordBackupsRepository,
    ImportSummaryMail,
    RecordsImportJob,
    RecordsRestoreJob,
  ],
})
export class ImportsModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    for (const type of UPLOAD_CONTENT_TYPES) {
      if (!fastify.hasContentTypeParser(type)) fastify.addContentTypeParser(type, (_request, payload: Readable, done) => done(null, payload));
    }
  }
}
