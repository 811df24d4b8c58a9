import type { Localized } from '../i18n/i18n';
import { api } from './http';
import type { Page } from './types';

export type MailStatus = 'pending' | 'sent' | 'failed';

/** One message of the outbox, as admins see it. */
export interface OutboxMessage {
  id: string;
  module: string;
  recordId: string;
  jobId: string | null;
  templateKey: string;
  to: string;
  from: string | null;
  subject: string;
  html: string;
  status: MailStatus;
  error: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

export interface OutboxPage extends Page<OutboxMessage> {
  counts: Record<MailStatus, number>;
}

export type MailDelivery = { transport: 'smtp'; host: string | null } | { transport: 'outbox'; host: null; reason: Localized };

export interface MailSender {
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  effectiveFrom: string;
}

export const mailApi = {
  outbox: (status: MailStatus | null, limit: number, cursor: string | null) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    return api<OutboxPage>('GET', `/api/v1/mail/outbox?${query}`);
  },
  retry: (id: string) => api<OutboxMessage>('POST', `/api/v1/mail/outbox/${encodeURIComponent(id)}/retry`),
  delivery: () => api<MailDelivery>('GET', '/api/v1/mail/delivery'),
  sender: () => api<MailSender>('GET', '/api/v1/mail/sender'),
  saveSender: (sender: Pick<MailSender, 'fromName' | 'fromAddress' | 'replyTo'>) => api<MailSender>('PUT', '/api/v1/mail/sender', sender),
};
