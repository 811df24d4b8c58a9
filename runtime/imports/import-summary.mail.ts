import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { UserMail, type UserMailTemplate } from '../mail/user-mail';
import type { RecordsImportResult } from './records-import.job';
import type { RecordsImportPayload } from './records-import.payload';

const IMPORTED: UserMailTemplate = {
  key: 'import.summary',
  subject: { es: 'Importación terminada: {{fileName}}', en: 'Import finished: {{fileName}}' },
  html: {
    es: '<p>{{userName}}:</p><p>Importación de «{{fileName}}» en {{module}}: {{total}} filas, {{inserted}} creadas, {{updated}} actualizadas, {{unchanged}} sin cambios, {{duplicates}} duplicadas omitidas, {{errorCount}} con errores ({{seconds}} s).</p>',
    en: '<p>{{userName}}:</p><p>Import of "{{fileName}}" into {{module}}: {{total}} rows, {{inserted}} created, {{updated}} updated, {{unchanged}} unchanged, {{duplicates}} duplicates skipped, {{errorCount}} with errors ({{seconds}} s).</p>',
  },
};

const VALIDATED: UserMailTemplate = {
  key: 'import.validation',
  subject: { es: 'Validación terminada: {{fileName}}', en: 'Validation finished: {{fileName}}' },
  html: {
    es: '<p>{{userName}}:</p><p>Validación de «{{fileName}}» en {{module}}: {{total}} filas, {{errorCount}} con errores, {{duplicates}} duplicadas ({{seconds}} s). No se escribió nada.</p>',
    en: '<p>{{userName}}:</p><p>Validation of "{{fileName}}" into {{module}}: {{total}} rows, {{errorCount}} with errors, {{duplicates}} duplicates ({{seconds}} s). Nothing was written.</p>',
  },
};

/** The summary an import e-mails to the user who started it, in their language; written with the job's last step, so it is sent once. */
@Injectable()
export class ImportSummaryMail {
  constructor(@Inject(UserMail) private readonly mail: UserMail) {}

  async send(db: EntityManager, operation: OperationRef, jobId: string, userId: string | null, payload: RecordsImportPayload, result: RecordsImportResult): Promise<void> {
    if (!userId) return;
    const { fileName, total, inserted, updated, unchanged, duplicates, errorCount } = result;
    await this.mail.send(db, operation, {
      userId,
      template: result.validateOnly ? VALIDATED : IMPORTED,
      data: { fileName, module: payload.module, total, inserted, updated, unchanged, duplicates, errorCount, seconds: result.elapsedMs / 1000 },
      module: payload.module,
      recordId: jobId,
      jobId,
    });
  }
}
