import { useState } from 'react';
import { importsApi, type ImportJobPayload } from '../api/imports.api';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import { FailedRows } from './FailedRows';
import { importResultOf } from './import-format';
import { JobProgressBar } from '../jobs/JobProgressBar';

interface Props {
  /** The validation job's payload for the current choices. */
  payload: ImportJobPayload | null;
  /** The validation of the current choices, if one was started. */
  jobId: string | null;
  headers: string[];
  onStarted(jobId: string): void;
}

/** "Validar": the whole file read through the same job as the import, nothing written; then how many rows fail and which. */
export function ValidatePanel({ payload, jobId, headers, onStarted }: Props) {
  const { t, l, locale } = useI18n();
  const { job, refused } = useJobProgress(jobId);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const running = jobId !== null && !isFinished(job) && !refused;

  async function validate() {
    if (!payload) return;
    setStarting(true);
    setError(null);
    try {
      onStarted((await importsApi.start(payload)).id);
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setStarting(false);
    }
  }

  const result = job?.state === 'completed' ? importResultOf(job.result) : null;
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <section className="validate-panel panel" data-testid="validate-panel">
      <div className="row-actions">
        <button type="button" onClick={() => void validate()} disabled={!payload || starting || running} data-testid="validate">
          {t('imports.validate')}
        </button>
        <span className="muted">{t('imports.validate.hint')}</span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {jobId && !result && <JobProgressBar job={job} testId="validate-progress" label={(processed, total) => t('imports.validate.running', { processed, total })} />}
      {(refused || job?.state === 'failed' || job?.state === 'cancelled') && <p className="error">{job?.error ? l(job.error.message) : t('imports.validate.failed')}</p>}
      {result && (
        <p className={result.errorCount ? 'error' : 'ok'} data-testid="validate-result" data-errors={result.errorCount} data-total={result.total}>
          {result.errorCount ? t('imports.validate.errors', { errors: n(result.errorCount), total: n(result.total) }) : t('imports.validate.ok', { total: n(result.total) })}
        </p>
      )}
      {result && result.errorCount > 0 && jobId && <FailedRows jobId={jobId} headers={headers} />}
    </section>
  );
}
