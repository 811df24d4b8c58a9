import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail.transport';
import type { RecordsImportResult } from './records-import.job';
import type { RecordsImportPayload } from './records-import.payload';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The summary an import e-mails to the user who started it, in both languages; written with the job's last step, so it is sent once. */
@Injectable()
export class ImportSummaryMail {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  async send(db: EntityManager, operation: OperationRef, jobId: string, userId: string | null, payload: RecordsImportPayload, result: RecordsImportResult): Promise<void> {
    if (!userId) return;
    const [user] = await sqlRows<{ email: string | null; display_name: string }>(db, `SELECT email, display_name FROM core.users WHERE id = $1 AND operation_id = $2`, [userId, operation.id]);
    if (!user?.email) return;
    const seconds = (result.elapsedMs / 1000).toLocaleString('es-CO', { maximumFractionDigits: 1 });
    const n = (value: number) => value.toLocaleString('es-CO');
    const es = result.validateOnly
      ? `Validación de «${escape(result.fileName)}» en ${escape(payload.module)}: ${n(result.total)} filas, ${n(result.errorCount)} con errores, ${n(result.duplicates)} duplicadas (${seconds} s). No se escribió nada.`
      : `Importación de «${escape(result.fileName)}» en ${escape(payload.module)}: ${n(result.total)} filas, ${n(result.inserted)} creadas, ${n(result.updated)} actualizadas, ${n(result.unchanged)} sin cambios, ${n(result.duplicates)} duplicadas omitidas, ${n(result.errorCount)} con errores (${seconds} s).`;
    const en = result.validateOnly
      ? `Validation of "${escape(result.fileName)}" into ${escape(payload.module)}: ${result.total.toLocaleString('en-US')} rows, ${result.errorCount.toLocaleString('en-US')} with errors, ${result.duplicates.toLocaleString('en-US')} duplicates. Nothing was written.`
      : `Import of "${escape(result.fileName)}" into ${escape(payload.module)}: ${result.total.toLocaleString('en-US')} rows, ${result.inserted.toLocaleString('en-US')} created, ${result.updated.toLocaleString('en-US')} updated, ${result.unchanged.toLocaleString('en-US')} unchanged, ${result.duplicates.toLocaleString('en-US')} duplicates skipped, ${result.errorCount.toLocaleString('en-US')} with errors.`;
    await this.transport.enqueue(db, [
      {
        operationId: operation.id,
        module: payload.module,
        recordId: jobId,
        jobId,
        templateKey: 'import.summary',
        to: user.email,
        subject: result.validateOnly ? `Validación terminada / Validation finished: ${result.fileName}` : `Importación terminada / Import finished: ${result.fileName}`,
        html: `<p>${escape(user.display_name)}:</p><p>${es}</p><p lang="en">${en}</p>`,
        createdBy: userId,
      },
    ]);
  }
}
