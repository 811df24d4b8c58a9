import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiFailure } from '../api/api-error';
import { jobsApi } from '../api/jobs.api';
import { type EmailTemplate, settingsApi } from '../api/settings.api';
import type { ModuleDefinition } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';

/** What a `records.email` job reports in its result. */
interface EmailResult {
  sent?: number;
  errorCount?: number;
}

/**
 * "Enviar correo con plantilla" (R1): starts a `records.email` job on the selection
 * (the server renders the template per record, as this user sees it, into the outbox)
 * and follows its progress on the job's event stream until it ends.
 */
export function EmailDialog({ definition, ids, onClose }: { definition: ModuleDefinition; ids: () => Promise<string[]>; onClose(): void }) {
  const { t, l } = useI18n();
  const emailFields = definition.fields.filter((f) => f.type === 'email' && !f.archived);
  const [templates, setTemplates] = useState<EmailTemplate[] | null>(null);
  const [template, setTemplate] = useState('');
  const [to, setTo] = useState(emailFields[0]?.key ?? '');
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, refused } = useJobProgress(jobId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    settingsApi.get('email_templates').then(
      (view) => {
        if (!live) return;
        const mine = view.value.items.filter((item) => item.module === definition.key);
        setTemplates(mine);
        setTemplate(mine[0]?.key ?? '');
      },
      (failure: ApiFailure) => live && setError(l(failure.text)),
    );
    return () => {
      live = false;
    };
  }, [definition.key]);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      const started = await jobsApi.start('records.email', { module: definition.key, ids: await ids(), templateKey: template, to });
      setJobId(started.id);
    } catch (failure) {
      const problem = failure as ApiFailure;
      setError([l(problem.text), ...problem.details.map((d) => l(d.message))].join(' '));
      setBusy(false);
    }
  }

  const done = isFinished(job);
  const result = (job?.result ?? {}) as EmailResult;
  return createPortal(
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog small" role="dialog" aria-modal="true" aria-label={t('table.email')} data-testid="email-dialog">
        <h2>{t('table.email')}</h2>
        {error && <p className="error">{error}</p>}
        {refused && <p className="error">{t('table.emailFailed')}</p>}
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
              ? t('table.emailDone', { sent: result.sent ?? 0, failed: result.errorCount ?? 0 })
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
