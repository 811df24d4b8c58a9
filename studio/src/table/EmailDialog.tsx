import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiFailure } from '../api/api-error';
import { api } from '../api/http';
import type { ModuleDefinition } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { EmailTemplate, SettingsView } from '../settings/settings.api';

interface JobState {
  id: string;
  state: string;
  processed: number;
  total: number;
  failed: number;
  result: { sent?: number; errorCount?: number } | null;
}

const FINISHED = ['completed', 'failed', 'cancelled'];

/**
 * "Enviar correo con plantilla" (R1): starts a `records.email` job on the selection
 * (the server renders the template per record, as this user sees it, into the outbox)
 * and follows its progress by polling GET /api/v1/jobs/{id} until it ends.
 */
export function EmailDialog({ definition, ids, onClose }: { definition: ModuleDefinition; ids: () => Promise<string[]>; onClose(): void }) {
  const { t, l } = useI18n();
  const emailFields = definition.fields.filter((f) => f.type === 'email' && !f.archived);
  const [templates, setTemplates] = useState<EmailTemplate[] | null>(null);
  const [template, setTemplate] = useState('');
  const [to, setTo] = useState(emailFields[0]?.key ?? '');
  const [job, setJob] = useState<JobState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    api<SettingsView<'email_templates'>>('GET', '/api/v1/settings/email_templates').then(
      (view) => {
        const mine = view.value.items.filter((item) => item.module === definition.key);
        setTemplates(mine);
        setTemplate(mine[0]?.key ?? '');
      },
      (failure: ApiFailure) => setError(l(failure.text)),
    );
    return () => {
      live.current = false;
    };
  }, [definition.key]);

  async function follow(id: string) {
    while (live.current) {
      const current = await api<JobState>('GET', `/api/v1/jobs/${id}`);
      if (!live.current) return;
      setJob(current);
      if (FINISHED.includes(current.state)) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async function send() {
    setBusy(true);
    setError(null);
    try {
      const started = await api<{ id: string; state: string }>('POST', '/api/v1/jobs', { type: 'records.email', payload: { module: definition.key, ids: await ids(), templateKey: template, to } });
      await follow(started.id);
    } catch (failure) {
      const problem = failure as ApiFailure;
      setError([l(problem.text), ...problem.details.map((d) => l(d.message))].join(' '));
      setBusy(false);
    }
  }

  const done = job !== null && FINISHED.includes(job.state);
  return createPortal(
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog small" role="dialog" aria-modal="true" aria-label={t('table.email')} data-testid="email-dialog">
        <h2>{t('table.email')}</h2>
        {error && <p className="error">{error}</p>}
        {templates && templates.length === 0 && <p className="muted">{t('table.emailNoTemplates')}</p>}
        <label className="stacked">
          {t('table.emailTemplate')}
          <select value={template} onChange={(e) => setTemplate(e.target.value)} disabled={!templates || busy} data-testid="email-template">
            {(templates ?? []).map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          {t('table.emailField')}
          <select value={to} onChange={(e) => setTo(e.target.value)} disabled={busy} data-testid="email-field">
            {emailFields.map((f) => (
              <option key={f.key} value={f.key}>
                {l(f.label)}
              </option>
            ))}
          </select>
        </label>
        {job && (
          <p data-testid="email-job" data-state={job.state} role="status">
            {job.state === 'completed'
              ? t('table.emailDone', { sent: job.result?.sent ?? 0, failed: job.result?.errorCount ?? 0 })
              : job.state === 'failed' || job.state === 'cancelled'
                ? t('table.emailFailed')
                : t('table.emailProgress', { processed: job.processed, total: job.total })}
            {!done && <progress max={Math.max(job.total, 1)} value={job.processed} />}
          </p>
        )}
        <div className="row-actions">
          {!done && (
            <button type="button" className="primary" disabled={!template || !to || busy} onClick={() => void send()} data-testid="email-send">
              {t('table.emailSend')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {done ? t('table.close') : t('activities.cancel')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
