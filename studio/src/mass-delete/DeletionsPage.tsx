import { useEffect, useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { FINISHED_JOB_STATES, jobsApi, type JobView } from '../api/jobs.api';
import { navigate, paths } from '../app/router';
import { usePagedList } from '../app/use-paged-list';
import { useI18n } from '../i18n/i18n';
import type { DeleteResult, UndeleteResult } from './mass-delete';
import { RestoreDeletion } from './RestoreDeletion';
import '../designer/designer.css';
import './mass-delete.css';

const PAGE = 50;

/** "Eliminaciones": the module's mass deletes, what each deleted, and "Restaurar eliminación" for each. */
export function DeletionsPage({ definition }: { definition: ModuleDefinition }) {
  const { t, l, locale } = useI18n();
  const list = usePagedList((cursor) => jobsApi.list({ type: 'records.delete', module: definition.key, limit: PAGE, cursor }), definition.key);
  const [restored, setRestored] = useState<Set<string>>(new Set());

  // Which deletes an undo has run for (or is running): their button is off.
  useEffect(() => {
    let live = true;
    jobsApi.list({ type: 'records.undelete', module: definition.key, limit: 200 }).then(
      (page) => {
        const undone = page.items.filter((job) => job.state !== 'failed' && job.state !== 'cancelled').map((job) => (job.result as UndeleteResult | null)?.deleteJobId);
        if (live) setRestored(new Set(undone.filter((id): id is string => typeof id === 'string')));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [definition.key, list.items]);

  const deletedOf = (job: JobView) => (job.result as DeleteResult | null)?.deleted ?? 0;
  return (
    <section className="deletions" data-module={definition.key}>
      <div className="view-head">
        <button type="button" className="link" onClick={() => navigate(paths.table(definition.key))} data-testid="back-to-table">
          ← {t('imports.backToTable')}
        </button>
      </div>
      <h1>{t('massDelete.listTitle', { module: l(definition.names.plural) })}</h1>
      <p className="muted">{t('massDelete.listHint')}</p>
      {list.error && (
        <p className="error" role="alert">
          {list.error}
        </p>
      )}
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{t('massDelete.empty')}</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="records" data-testid="deletions">
            <thead>
              <tr>
                <th>{t('massDelete.when')}</th>
                <th>{t('massDelete.state')}</th>
                <th>{t('massDelete.deleted')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.items.map((job) => (
                <tr key={job.id} data-job={job.id} data-state={job.state}>
                  <td>{job.createdAt ? new Date(job.createdAt).toLocaleString(locale) : ''}</td>
                  <td>{t(`massDelete.state.${job.state}`)}</td>
                  <td>{deletedOf(job).toLocaleString(locale)}</td>
                  <td>
                    {FINISHED_JOB_STATES.includes(job.state) && (
                      <RestoreDeletion deleteJobId={job.id} count={deletedOf(job)} restored={restored.has(job.id)} onDone={() => setRestored((set) => new Set(set).add(job.id))} />
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
          {t('massDelete.more')}
        </button>
      )}
    </section>
  );
}
