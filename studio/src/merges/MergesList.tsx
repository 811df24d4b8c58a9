import { useEffect, useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { type MergeSummary, mergesApi } from '../api/merges.api';
import { recordsApi } from '../api/records.api';
import { navigate, paths } from '../app/router';
import { recordTitle } from '../definition/field-display';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { usePagedList } from '../app/use-paged-list';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';

const PAGE = 20;

/** The module's previous merges, newest first, with Deshacer for those not undone. */
export function MergesList({ definition, generation, onUndone }: { definition: ModuleDefinition; generation: number; onUndone(): void }) {
  const { t, l, locale } = useI18n();
  const list = usePagedList((cursor) => mergesApi.list(definition.key, PAGE, cursor), definition.key);
  const [undoing, setUndoing] = useState<{ mergeId: string; jobId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const keptIds = [...new Set(list.items.map((m) => m.keptId))].filter((id) => !titles.has(id));
  useEffect(() => {
    if (!keptIds.length) return;
    // The kept records' titles, in one query; one deleted since shows its id.
    recordsApi.query(definition.key, { filter: { field: 'id', op: 'in', value: keptIds }, limit: keptIds.length }).then(
      (page) => setTitles((map) => new Map([...map, ...page.items.map((r): [string, string] => [r.id, recordTitle(definition, r)])])),
      () => undefined,
    );
  }, [keptIds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (generation === 0) return;
    setTitles(new Map());
    list.reload();
    // Reloaded when a merge ends.
  }, [generation]); // eslint-disable-line react-hooks/exhaustive-deps

  async function undo(merge: MergeSummary) {
    if (!window.confirm(t('merges.confirmUndo'))) return;
    setError(null);
    try {
      setUndoing({ mergeId: merge.id, jobId: (await mergesApi.undo(merge.id)).id });
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }
  const label = (key: string) => {
    const field = definition.fields.find((f) => f.key === key);
    return field ? l(field.label) : key;
  };
  const inDefinitionOrder = (keys: string[]) => [...keys].sort((a, b) => definition.fields.findIndex((f) => f.key === a) - definition.fields.findIndex((f) => f.key === b));
  const open = (id: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(paths.record(definition.key, id));
  };
  return (
    <section className="merges-history" data-testid="merges-list">
      <h2>{t('merges.history')}</h2>
      {(error ?? list.error) && (
        <p className="error" role="alert">
          {error ?? list.error}
        </p>
      )}
      {undoing && (
        <UndoProgress
          key={undoing.jobId}
          jobId={undoing.jobId}
          label={label}
          onFinished={() => {
            setTitles(new Map());
            list.reload();
            onUndone();
          }}
        />
      )}
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{t('merges.historyEmpty')}</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="records">
            <thead>
              <tr>
                <th>{t('merges.when')}</th>
                <th>{t('merges.user')}</th>
                <th>{t('merges.keptRecord')}</th>
                <th>{t('merges.mergedCount')}</th>
                <th>{t('merges.changedFields')}</th>
                <th>{t('merges.links')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.items.map((merge) => (
                <tr key={merge.id} data-merge={merge.id} data-undone={merge.undoneAt ? 'yes' : 'no'}>
                  <td>{new Date(merge.createdAt).toLocaleString(locale)}</td>
                  <td>{merge.createdBy?.name ?? t('value.none')}</td>
                  <td className="mono">
                    <a href={paths.record(definition.key, merge.keptId)} onClick={open(merge.keptId)} className="title-link">
                      {titles.get(merge.keptId) ?? merge.keptId.slice(0, 8)}
                    </a>
                  </td>
                  <td>{merge.mergedIds.length.toLocaleString(locale)}</td>
                  <td>{inDefinitionOrder(merge.fields).map(label).join(', ') || t('value.none')}</td>
                  <td>
                    {Object.values(merge.links)
                      .reduce((sum, n) => sum + n, 0)
                      .toLocaleString(locale)}
                  </td>
                  <td>
                    {merge.undoneAt ? (
                      <span className="muted">{t('merges.undone', { date: new Date(merge.undoneAt).toLocaleString(locale) })}</span>
                    ) : (
                      <button type="button" onClick={() => void undo(merge)} disabled={undoing?.mergeId === merge.id} data-testid="merge-undo">
                        {undoing?.mergeId === merge.id ? t('merges.undoing') : t('merges.undo')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.more && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {t('merges.historyMore')}
        </button>
      )}
    </section>
  );
}

function UndoProgress({ jobId, label, onFinished }: { jobId: string; label(key: string): string; onFinished(): void }) {
  const { t, l } = useI18n();
  const { job, refused } = useJobProgress(jobId);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) onFinished();
    // Once, when the job ends.
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = job?.state === 'completed' ? (job.result as { restored: string[]; conflicts: { fields: string[] } } | null) : null;
  return (
    <div className="panel" data-testid="undo-progress" data-state={job?.state ?? 'queued'}>
      <JobProgressBar job={job} testId="undo-bar" label={() => t('merges.undoing')} />
      {(refused || job?.state === 'failed' || job?.state === 'cancelled') && <p className="error">{job?.error ? l(job.error.message) : t('merges.failed')}</p>}
      {result && <p data-testid="undo-done">{t('merges.undoDone', { restored: result.restored.length })}</p>}
      {result && result.conflicts.fields.length > 0 && <p className="muted">{t('merges.undoConflicts', { fields: result.conflicts.fields.map(label).join(', ') })}</p>}
    </div>
  );
}
