import { useEffect, useState } from 'react';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import { startUndelete, type UndeleteResult } from './mass-delete';

/** "Restaurar eliminación": brings a whole mass delete back as one job, with its progress and summary. */
export function RestoreDeletion({ deleteJobId, count, restored, onDone }: { deleteJobId: string; count: number; restored: boolean; onDone?(): void }) {
  const { t, l, locale } = useI18n();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job } = useJobProgress(jobId);
  const finished = isFinished(job);

  useEffect(() => {
    if (finished) onDone?.();
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the job ends

  async function restore() {
    if (!window.confirm(t('massDelete.restoreConfirm', { count: count.toLocaleString(locale) }))) return;
    setError(null);
    try {
      setJobId((await startUndelete(deleteJobId)).id);
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }

  const result = job?.result as UndeleteResult | null | undefined;
  return (
    <div className="restore-deletion" data-testid="restore-deletion">
      {!jobId && (
        <button type="button" onClick={() => void restore()} disabled={restored || count === 0} data-testid="restore-deletion-run">
          {restored ? t('massDelete.restoredOn') : t('massDelete.restore')}
        </button>
      )}
      {jobId && !finished && <JobProgressBar job={job} label={(processed, total) => t('massDelete.restoreProgress', { processed, total })} testId="undelete-progress" />}
      {finished && job?.state === 'completed' && result && (
        <p className="ok" data-testid="undelete-done">
          {t('massDelete.restored', { restored: result.restored.toLocaleString(locale), alreadyLive: result.alreadyLive.toLocaleString(locale), refused: result.refused.toLocaleString(locale) })}
        </p>
      )}
      {finished && job?.state !== 'completed' && job?.error && <p className="error">{t('massDelete.failed', { reason: l(job.error.message) })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
