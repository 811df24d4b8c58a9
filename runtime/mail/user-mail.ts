import { renderTemplate, type LocalizedText } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import { MAIL_TRANSPORT, type MailTransport } from './mail.transport';

export type MailLanguage = keyof LocalizedText;

/** A message the product writes to one of its users: Handlebars subject and body per language. */
export interface UserMailTemplate {
  key: string;
  subject: LocalizedText;
  html: LocalizedText;
}

export interface UserMailMessage {
  userId: string;
  template: UserMailTemplate;
  /** The template's values; numbers are written in the recipient's conventions (1.234 / 1,234). */
  data: Record<string, unknown>;
  module: string;
  recordId: string;
  jobId: string | null;
}

const LOCALES: Record<MailLanguage, string> = { es: 'es-CO', en: 'en-US' };

function localized(data: Record<string, unknown>, language: MailLanguage): Record<string, unknown> {
  const format = (value: unknown): unknown => {
    if (typeof value === 'number') return value.toLocaleString(LOCALES[language], { maximumFractionDigits: 1 });
    if (value instanceof Date) return value.toLocaleString(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    if (Array.isArray(value)) return value.map(format);
    if (value && typeof value === 'object') return localized(value as Record<string, unknown>, language);
    return value;
  };
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, format(value)]));
}

/**
 * E-mails to the product's own users (import summaries, export links, job results), in
 * the language the user chose in the Studio, through the mail transport and inside the
 * caller's transaction, so a job's last step and its message commit together.
 */
@Injectable()
export class UserMail {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  /** False when the user has no e-mail address (nothing is written). */
  async send(db: EntityManager, operation: OperationRef, message: UserMailMessage): Promise<boolean> {
    const [user] = await sqlRows<{ email: string | null; display_name: string; language: MailLanguage }>(
      db,
      `SELECT email, display_name, language FROM core.users WHERE id = $1 AND operation_id = $2`,
      [message.userId, operation.id],
    );
    if (!user?.email) return false;
    const language = user.language === 'en' ? 'en' : 'es';
    const data = { ...localized(message.data, language), userName: user.display_name };
    await this.transport.enqueue(db, [
      {
        operationId: operation.id,
        module: message.module,
        recordId: message.recordId,
        jobId: message.jobId,
        templateKey: message.template.key,
        to: user.email,
        subject: renderTemplate(message.template.subject[language], data, 'text'),
        html: renderTemplate(message.template.html[language], data, 'html'),
        createdBy: message.userId,
      },
    ]);
    return true;
  }
}
