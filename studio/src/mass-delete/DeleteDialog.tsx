import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FilterNode, ModuleDefinition } from '../api/types';
import { navigate, paths } from '../app/router';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import { type DeleteResult, startDelete } from './mass-delete';
import { RestoreDeletion } from './RestoreDeletion';
import './mass-delete.css';

interface Props {
  definition: ModuleDefinition;
  /** Ticked rows, or every match of the list's filter ("Seleccionar los N registros"). */
  target: { ids: () => Promise<string[]> } | { filter: FilterNode | undefined; count: () => Promise<number> };
  onClose(): void;
  /** The list changed: read it again. */
  onDeleted(): void;
}

/**
 * Mass delete (B4): the exact count first, then one `records.delete` job on the server
 * with its progress bar and summary, and "Restaurar eliminación" right there.
 */
export function DeleteDialog({ definition, target, onClose, onDeleted }: Props) {
  const { t, l, locale } = useI18n();
  const [count, setCount] = useState<number | null>(null);
  const [ids, setIds] = useState<string[] | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { job } = useJobProgress(jobId);
  const finished = isFinished(job);

  useEffect(() => {
    let live = true;
    const counted = 'ids' in target ? target.ids().then((list) => (live && setIds(list), list.length)) : target.count();
    counted.then(
      (n) => live && setCount(n),
      (failure) => live && setError(failureText(failure, l)),
    );
    return () => {
      live = false;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- counted once, when the dialog opens

  useEffect(() => {
    if (finished) onDeleted();
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the job ends

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const started = await startDelete(definition.key, ids ? { ids } : { filter: 'filter' in target ? target.filter : undefined });
      setJobId(started.id);
    } catch (failure) {
      setError(failureText(failure, l));
      setBusy(false);
    }
  }

  const result = job?.result as DeleteResult | null | undefined;
  const n = (value: number) => value.toLocaleString(locale);
  return createPortal(
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog small" role="dialog" aria-modal="true" aria-label={t('massDelete.title')} data-testid="delete-dialog">
        <h2>{t('massDelete.title')}</h2>
        {count === null && !error && <p className="muted">{t('massDelete.counting')}</p>}
        {count !== null && !jobId && (
          <>
            <p className="delete-count" data-testid="delete-count" data-count={count}>
              {t('massDelete.confirm', { count: n(count), module: l(definition.names.plural) })}
            </p>
            <p className="muted">{t('massDelete.hint')}</p>
          </>
        )}
        {jobId && !finished && <JobProgressBar job={job} label={(processed, total) => t('massDelete.progress', { processed, total })} testId="delete-progress" />}
        {finished && job?.state === 'completed' && result && (
          <>
            <p className="ok" data-testid="delete-done">
              {t('massDelete.done', { deleted: n(result.deleted), refused: n(result.refused), missing: n(result.missing) })}
            </p>
            <RestoreDeletion deleteJobId={job.id} count={result.deleted} restored={false} />
          </>
        )}
        {finished && job?.state !== 'completed' && job?.error && <p className="error">{t('massDelete.failed', { reason: l(job.error.message) })}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="row-actions">
          {finished && (
            <button type="button" className="link" onClick={() => navigate(paths.deletions(definition.key))} data-testid="deletions-open">
              {t('massDelete.list')}
            </button>
          )}
          <span className="spacer" />
          {!jobId && (
            <>
              <button type="button" onClick={onClose}>
                {t('massDelete.cancel')}
              </button>
              <button type="button" className="danger" onClick={() => void run()} disabled={busy || !count} data-testid="delete-run">
                {t('massDelete.run', { count: n(count ?? 0) })}
              </button>
            </>
          )}
          {jobId && (
            <button type="button" onClick={onClose} disabled={!finished} data-testid="delete-close">
              {t('massDelete.close')}
            </button>
          )}
        </div>
      </div>
    </div>,
    document.body,
  );
}
