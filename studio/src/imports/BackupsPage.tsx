import { useEffect, useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { type ImportBackup, importsApi } from '../api/imports.api';
import { navigate, paths } from '../app/router';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import { restoreResultOf } from './import-format';
import { ImportsHead } from './ImportsHead';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { usePagedList } from '../app/use-paged-list';
import '../designer/designer.css';
import './imports.css';

const PAGE = 50;

/** "Copias de seguridad": the backups the module's updates by key kept, and "Restaurar" for each. */
export function BackupsPage({ definition }: { definition: ModuleDefinition }) {
  const { t, l, locale } = useI18n();
  const list = usePagedList((cursor) => importsApi.backups(definition.key, PAGE, cursor), definition.key);
  const [restoring, setRestoring] = useState<{ backup: ImportBackup; jobId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function restore(backup: ImportBackup) {
    if (!window.confirm(t('backups.confirm', { count: backup.records.toLocaleString(locale) }))) return;
    setError(null);
    try {
      setRestoring({ backup, jobId: (await importsApi.restore(backup.id)).id });
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }

  return (
    <section className="import-backups" data-module={definition.key}>
      <ImportsHead definition={definition} title={t('backups.title', { module: l(definition.names.plural) })} current="backups" />
      <p className="muted">{t('backups.hint')}</p>
      {(error ?? list.error) && (
        <p className="error" role="alert">
          {error ?? list.error}
        </p>
      )}
      {restoring && <RestoreProgress key={restoring.jobId} definition={definition} jobId={restoring.jobId} onFinished={list.reload} />}
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{t('backups.empty')}</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="records" data-testid="backups">
            <thead>
              <tr>
                <th>{t('backups.when')}</th>
                <th>{t('backups.job')}</th>
                <th>{t('backups.user')}</th>
                <th>{t('backups.records')}</th>
                <th>{t('backups.restored')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.items.map((backup) => (
                <tr key={backup.id} data-backup={backup.id}>
                  <td>{new Date(backup.createdAt).toLocaleString(locale)}</td>
                  <td className="mono">{backup.id}</td>
                  <td>{backup.createdBy?.name ?? t('value.none')}</td>
                  <td>{backup.records.toLocaleString(locale)}</td>
                  <td>{backup.restoredAt ? new Date(backup.restoredAt).toLocaleString(locale) : t('backups.no')}</td>
                  <td>
                    <button type="button" onClick={() => void restore(backup)} disabled={backup.restoredAt !== null || restoring?.backup.id === backup.id} data-testid="restore">
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.more && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {t('backups.more')}
        </button>
      )}
    </section>
  );
}

/** A restore job as it runs, then what it restored and the fields it left alone because others changed them since. */
function RestoreProgress({ definition, jobId, onFinished }: { definition: ModuleDefinition; jobId: string; onFinished(): void }) {
  const { t, l, locale } = useI18n();
  const { job, refused } = useJobProgress(jobId);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) onFinished();
    // Once, when the job ends.
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = job?.state === 'completed' ? restoreResultOf(job.result) : null;
  const label = (key: string) => {
    const field = definition.fields.find((f) => f.key === key);
    return field ? l(field.label) : key;
  };
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <section className="panel restore-progress" data-testid="restore-progress" data-state={job?.state ?? 'queued'}>
      <JobProgressBar job={job} testId="restore-bar" label={(processed, total) => t('backups.running', { processed, total })} />
      {(refused || job?.state === 'failed' || job?.state === 'cancelled') && <p className="error">{job?.error ? l(job.error.message) : t('backups.failed')}</p>}
      {result && (
        <>
          <h2>{t('backups.done')}</h2>
          <dl className="summary-counts" data-testid="restore-result">
            <div data-count="restored">
              <dt>{t('backups.restoredCount')}</dt>
              <dd>{n(result.restored)}</dd>
            </div>
            <div data-count="unchanged">
              <dt>{t('backups.unchanged')}</dt>
              <dd>{n(result.unchanged)}</dd>
            </div>
            <div data-count="conflicts">
              <dt>{t('backups.conflicts')}</dt>
              <dd>{n(result.conflicts)}</dd>
            </div>
          </dl>
          {result.conflictList.length > 0 && (
            <>
              <p className="muted">{t('backups.conflictsHint')}</p>
              <table className="records" data-testid="restore-conflicts">
                <thead>
                  <tr>
                    <th>{t('backups.record')}</th>
                    <th>{t('backups.fields')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.conflictList.map((conflict) => (
                    <tr key={conflict.recordId} data-id={conflict.recordId}>
                      <td>
                        <a
                          className="title-link"
                          href={paths.record(definition.key, conflict.recordId)}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(paths.record(definition.key, conflict.recordId));
                          }}
                        >
                          {conflict.recordId}
                        </a>
                      </td>
                      <td>{conflict.fields.map(label).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
