import { useState } from 'react';
import { jobsApi, type JobView } from '../api/jobs.api';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { JobProgressBar } from '../jobs/JobProgressBar';

/** Step 6: the import job's bar from its server-sent events, and "Cancelar". */
export function ProgressStep({ jobId, job, refused }: { jobId: string; job: JobView | null; refused: boolean }) {
  const { t, l } = useI18n();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setCancelling(true);
    setError(null);
    try {
      await jobsApi.cancel(jobId);
    } catch (failure) {
      setError(failureText(failure, l));
      setCancelling(false);
    }
  }

  return (
    <div className="import-progress" data-testid="import-progress">
      <JobProgressBar job={job} label={(processed, total) => t('imports.progress.rows', { processed, total })} />
      {cancelling && <p className="muted">{t('imports.cancelled')}</p>}
      {(error || refused) && (
        <p className="error" role="alert">
          {error ?? t('imports.summary.failed')}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="danger" onClick={() => void cancel()} disabled={cancelling || refused} data-testid="cancel-import">
          {t('imports.cancel')}
        </button>
      </div>
    </div>
  );
}
