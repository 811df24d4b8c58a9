import { type FormEvent, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { authApi } from '../api/auth.api';
import { writeSession } from '../api/session.store';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** A2: operation, user and password; the server decides whether the password must change first. */
export function LoginPage() {
  const { t, l } = useI18n();
  const [operation, setOperation] = useState(() => localStorage.getItem('crm.lastOperation') ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.login(operation.trim(), username.trim(), password);
      localStorage.setItem('crm.lastOperation', operation.trim());
      writeSession({
        accessToken: answer.accessToken,
        refreshToken: answer.refreshToken,
        mustChangePassword: answer.mustChangePassword,
        operation: answer.user.operation,
        username: answer.user.username,
      });
    } catch (failure) {
      setError(failure as ApiFailure);
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-label={t('login.title')}>
        <div className="auth-head">
          <h1>{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <label>
          {t('login.operation')}
          <input name="operation" value={operation} onChange={(e) => setOperation(e.target.value)} autoComplete="organization" required />
        </label>
        <label>
          {t('login.username')}
          <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error" role="alert">
            {l(error.text)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
