import { Fragment, useEffect, useState } from 'react';
import { mailApi, type MailDelivery, type MailStatus, type OutboxMessage } from '../api/mail.api';
import { usePagedList } from '../app/use-paged-list';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { MailSenderForm } from './MailSenderForm';
import './mail.css';

const PAGE = 50;
const STATUSES: readonly MailStatus[] = ['pending', 'sent', 'failed'];

/** Personalizar → Correo saliente: how mail leaves, the operation's sender, and every message with its status, reason and a retry for the failed. */
export function OutboxPage() {
  const { t, l, locale } = useI18n();
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [counts, setCounts] = useState<Record<MailStatus, number> | null>(null);
  const [delivery, setDelivery] = useState<MailDelivery | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedList(async (cursor) => {
    const page = await mailApi.outbox(status, PAGE, cursor);
    setCounts(page.counts);
    return page;
  }, status ?? 'all');

  useEffect(() => {
    mailApi.delivery().then(setDelivery, (failure) => setError(failureText(failure, l)));
  }, [l]);

  async function retry(message: OutboxMessage) {
    setError(null);
    try {
      await mailApi.retry(message.id);
      list.reload();
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }

  const when = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : '');
  const all = counts ? STATUSES.reduce((sum, s) => sum + counts[s], 0) : 0;

  return (
    <section className="outbox">
      <h1>{t('mail.title')}</h1>
      <p className="muted">{t('mail.hint')}</p>
      {delivery?.transport === 'smtp' && (
        <p className="mail-delivery ok" data-testid="mail-delivery" data-transport="smtp">
          {t('mail.delivery.smtp', { host: delivery.host ?? 'SMTP' })}
        </p>
      )}
      {delivery?.transport === 'outbox' && (
        <p className="mail-delivery warn" role="alert" data-testid="mail-delivery" data-transport="outbox">
          <strong>{t('mail.delivery.outbox')}</strong> {l(delivery.reason)}
        </p>
      )}
      <MailSenderForm />
      <div className="mail-filter" role="group" data-testid="mail-filter">
        <button type="button" className={status === null ? 'active' : undefined} onClick={() => setStatus(null)}>
          {t('mail.filter.all', { count: all.toLocaleString(locale) })}
        </button>
        {STATUSES.map((s) => (
          <button key={s} type="button" className={status === s ? 'active' : undefined} onClick={() => setStatus(s)} data-status={s}>
            {t(`mail.filter.${s}`, { count: (counts?.[s] ?? 0).toLocaleString(locale) })}
          </button>
        ))}
      </div>
      {(error ?? list.error) && (
        <p className="error" role="alert">
          {error ?? list.error}
        </p>
      )}
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{t('mail.empty')}</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="records" data-testid="outbox">
            <thead>
              <tr>
                <th>{t('mail.col.created')}</th>
                <th>{t('mail.col.to')}</th>
                <th>{t('mail.col.subject')}</th>
                <th>{t('mail.col.status')}</th>
                <th>{t('mail.col.attempts')}</th>
                <th>{t('mail.col.sent')}</th>
                <th>{t('mail.col.reason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.items.map((message) => (
                <Fragment key={message.id}>
                  <tr data-message={message.id} data-status={message.status}>
                    <td>{when(message.createdAt)}</td>
                    <td>{message.to}</td>
                    <td>{message.subject}</td>
                    <td>
                      <span className={`mail-status mail-status-${message.status}`}>{t(`mail.status.${message.status}`)}</span>
                    </td>
                    <td>{message.attempts.toLocaleString(locale)}</td>
                    <td>{when(message.sentAt)}</td>
                    <td className="mail-reason">
                      {message.error}
                      {message.status === 'pending' && message.attempts > 0 && message.nextAttemptAt && (
                        <span className="muted"> ({t('mail.nextAttempt', { when: when(message.nextAttemptAt) })})</span>
                      )}
                    </td>
                    <td className="actions">
                      <button type="button" onClick={() => setOpen(open === message.id ? null : message.id)}>
                        {open === message.id ? t('mail.hide') : t('mail.view')}
                      </button>
                      {message.status === 'failed' && (
                        <button type="button" onClick={() => void retry(message)} data-testid="mail-retry">
                          {t('mail.retry')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === message.id && (
                    <tr className="mail-body-row">
                      <td colSpan={8}>
                        {/* The body as the recipient sees it, sandboxed: no script of a template runs here. */}
                        <iframe title={message.subject} sandbox="" srcDoc={message.html} className="mail-body" />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.more && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {t('mail.more')}
        </button>
      )}
    </section>
  );
}
