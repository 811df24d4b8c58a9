import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import type { OperationRef } from '../core/operation-ref';
import { UserMail, type UserMailTemplate } from '../mail/user-mail';
import type { ExportFile } from './export-files.repository';

/** The Studio's "Mis exportaciones" page, which downloads the export with the user's session and the link's token. */
export const exportPagePath = (id: string, token: string) => `/exports?download=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`;

const READY: UserMailTemplate = {
  key: 'export.ready',
  subject: { es: 'Exportación lista: {{name}}', en: 'Export ready: {{name}}' },
  html: {
    es: '<p>{{userName}}:</p><p>Su exportación de {{module}} está lista: {{rows}} registros en «{{name}}». <a href="{{link}}">Descargar</a> (el enlace vence el {{until}} UTC y solo funciona con su usuario).</p>',
    en: '<p>{{userName}}:</p><p>Your export of {{module}} is ready: {{rows}} records in "{{name}}". <a href="{{link}}">Download</a> (the link expires on {{until}} UTC and only works with your user).</p>',
  },
};

/** The e-mail a finished export sends to its user with the link, in their language; written with the job's last step, so it is sent once. */
@Injectable()
export class ExportReadyMail {
  constructor(
    @Inject(UserMail) private readonly mail: UserMail,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async send(db: EntityManager, operation: OperationRef, file: ExportFile, token: string): Promise<void> {
    if (!file.createdBy) return;
    const base = this.config.publicUrl ?? `http://${this.config.host}:${this.config.port}`;
    await this.mail.send(db, operation, {
      userId: file.createdBy,
      template: READY,
      data: { module: file.module, rows: file.rows, name: file.name, link: base + exportPagePath(file.id, token), until: file.expiresAt },
      module: file.module,
      recordId: file.id,
      jobId: file.id,
    });
  }
}
