import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail.transport';
import type { ExportFile } from './export-files.repository';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Where the Studio is reached from outside (PUBLIC_URL), else the address the server listens on. */
export function publicUrl(config: Pick<RuntimeConfig, 'host' | 'port'>, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
  return configured || `http://${config.host}:${config.port}`;
}

/** The Studio's "Mis exportaciones" page, which downloads the export with the user's session and the link's token. */
export const exportPagePath = (id: string, token: string) => `/exports?download=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`;

/** The e-mail a finished export sends to its user with the link, in both languages; written with the job's last step, so it is sent once. */
@Injectable()
export class ExportReadyMail {
  constructor(
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async send(db: EntityManager, operation: OperationRef, file: ExportFile, token: string): Promise<void> {
    const [user] = await sqlRows<{ email: string | null; display_name: string }>(db, `SELECT email, display_name FROM core.users WHERE id = $1 AND operation_id = $2`, [file.createdBy, operation.id]);
    if (!user?.email) return;
    const link = escape(publicUrl(this.config) + exportPagePath(file.id, token));
    const until = {
      es: file.expiresAt.toLocaleString('es-CO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
      en: file.expiresAt.toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
    };
    const es = `Su exportación de ${escape(file.module)} está lista: ${file.rows.toLocaleString('es-CO')} registros en «${escape(file.name)}». <a href="${link}">Descargar</a> (el enlace vence el ${until.es} UTC y solo funciona con su usuario).`;
    const en = `Your export of ${escape(file.module)} is ready: ${file.rows.toLocaleString('en-US')} records in "${escape(file.name)}". <a href="${link}">Download</a> (the link expires on ${until.en} UTC and only works with your user).`;
    await this.transport.enqueue(db, [
      {
        operationId: operation.id,
        module: file.module,
        recordId: file.id,
        jobId: file.id,
        templateKey: 'export.ready',
        to: user.email,
        subject: `Exportación lista / Export ready: ${file.name}`,
        html: `<p>${escape(user.display_name)}:</p><p>${es}</p><p lang="en">${en}</p>`,
        createdBy: file.createdBy,
      },
    ]);
  }
}
