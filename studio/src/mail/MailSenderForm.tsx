import { type FormEvent, useEffect, useState } from 'react';
import { mailApi, type MailSender } from '../api/mail.api';
import { useNotify } from '../app/notices';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';

/** The operation's sender: name, address and reply-to of everything it e-mails. */
export function MailSenderForm() {
  const { t, l } = useI18n();
  const notify = useNotify();
  const [sender, setSender] = useState<MailSender | null>(null);
  const [draft, setDraft] = useState({ fromName: '', fromAddress: '', replyTo: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    mailApi.sender().then(
      (found) => {
        setSender(found);
        setDraft({ fromName: found.fromName ?? '', fromAddress: found.fromAddress ?? '', replyTo: found.replyTo ?? '' });
      },
      (failure) => setError(failureText(failure, l)),
    );
  }, [l]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const blank = (value: string) => value.trim() || null;
      setSender(await mailApi.saveSender({ fromName: blank(draft.fromName), fromAddress: blank(draft.fromAddress), replyTo: blank(draft.replyTo) }));
      notify('ok', t('mail.sender.saved'));
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof draft, label: string, type: string) => (
    <label>
      {label}
      <input type={type} value={draft[key]} maxLength={key === 'fromName' ? 120 : 254} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`sender-${key}`} />
    </label>
  );

  return (
    <form className="mail-sender" onSubmit={save} aria-label={t('mail.sender.title')}>
      <h2>{t('mail.sender.title')}</h2>
      <div className="mail-sender-fields">
        {field('fromName', t('mail.sender.name'), 'text')}
        {field('fromAddress', t('mail.sender.address'), 'email')}
        {field('replyTo', t('mail.sender.replyTo'), 'email')}
      </div>
      {sender && (
        <p className="muted" data-testid="sender-effective">
          {t('mail.sender.effective', { from: sender.effectiveFrom })}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="sender-save">
        {t('mail.sender.save')}
      </button>
    </form>
  );
}
