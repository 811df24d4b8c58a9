import { type FormEvent, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { authApi } from '../api/auth.api';
import { type StoredSession, writeSession } from '../api/session.store';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** First login (A2): nothing else is allowed until the factory password is replaced. */
export function ChangePasswordPage({ session }: { session: StoredSession }) {
  const { t, l } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.changePassword(current, next);
      // The change ends every other session and hands back a fresh one.
      writeSession({ ...session, accessToken: answer.accessToken, refreshToken: answer.refreshToken, mustChangePassword: false });
    } catch (failure) {
      setError(failure as ApiFailure);
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-label={t('password.title')}>
        <div className="auth-head">
          <h1>{t('password.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('password.explain')}</p>
        <label>
          {t('password.current')}
          <input name="currentPassword" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required />
        </label>
        <label>
          {t('password.new')}
          <input name="newPassword" type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" required />
        </label>
        <label>
          {t('password.repeat')}
          <input name="repeatPassword" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required />
        </label>
        {mismatch && (
          <p className="error" role="alert">
            {t('password.mismatch')}
          </p>
        )}
        {error && (
          <div className="error" role="alert">
            <p>{l(error.text)}</p>
            <ul>
              {error.details.map((d) => (
                <li key={d.code + d.path}>{l(d.message)}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}
