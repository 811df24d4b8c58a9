import { useEffect, useRef } from 'react';
import { type ExportItem, exportsApi } from '../api/exports.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { usePagedList } from '../app/use-paged-list';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import './exports.css';

const PAGE = 50;

/** Bytes as a person reads them, in the user's locale. */
function sizeText(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/**
 * "Mis exportaciones" (B6): the user's background exports, newest first; a
 * running one shows its progress live, a finished one its file and link. The
 * link an export's e-mail carries lands here and downloads with the session.
 */
export function ExportsPage({ download, token }: { download: string | null; token: string | null }) {
  const { t, l } = useI18n();
  const notify = useNotify();
  const list = usePagedList((cursor) => exportsApi.list(PAGE, cursor), 'exports');
  const fetched = useRef<string | null>(null);
  useEffect(() => {
    if (!download || !token || fetched.current === download) return;
    fetched.current = download;
    notify('ok', t('exports.downloading'));
    exportsApi.download(download, token, 'export').catch((failure) => notify('error', failureText(failure, l)));
  }, [download, token, notify, t, l]);

  return (
    <section className="exports-page">
      <h1 className="exports-title">{t('exports.title')}</h1>
      <p className="muted">{t('exports.explain')}</p>
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{t('exports.empty')}</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="records" data-testid="exports-list">
            <thead>
              <tr>
                <th>{t('exports.when')}</th>
                <th>{t('exports.module')}</th>
                <th>{t('exports.format')}</th>
                <th>{t('exports.state')}</th>
                <th>{t('exports.rows')}</th>
                <th>{t('exports.size')}</th>
                <th>{t('exports.expires')}</th>
                <th>{t('exports.file')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <ExportRow key={item.id} item={item} onFinished={list.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.more && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {t('exports.more')}
        </button>
      )}
    </section>
  );
}

function ExportRow({ item, onFinished }: { item: ExportItem; onFinished(): void }) {
  const { t, l, locale } = useI18n();
  const notify = useNotify();
  const { byKey } = useModules();
  const running = item.state === 'queued' || item.state === 'running';
  const { job } = useJobProgress(running ? item.id : null);
  const done = running && isFinished(job);
  useEffect(() => {
    if (done) onFinished();
  }, [done, onFinished]);
  const definition = item.module ? byKey.get(item.module) : undefined;
  return (
    <tr data-export={item.id} data-state={job?.state ?? item.state}>
      <td>{new Date(item.createdAt).toLocaleString(locale)}</td>
      <td>{definition ? l(definition.names.plural) : (item.module ?? '')}</td>
      <td>{item.format === 'csv' ? 'CSV' : 'Excel'}</td>
      <td>
        {running ? (
          <JobProgressBar job={job} label={(processed, total) => t('exports.progress', { processed, total })} testId="export-progress" />
        ) : (
          <>
            {t(`exports.state.${item.state}`)}
            {item.error && <span className="error"> · {l(item.error.message)}</span>}
          </>
        )}
      </td>
      <td>{item.file ? item.file.rows.toLocaleString(locale) : ''}</td>
      <td>{item.file ? sizeText(item.file.size, locale) : ''}</td>
      <td>{item.file ? new Date(item.file.expiresAt).toLocaleDateString(locale) : ''}</td>
      <td>
        {item.file && item.downloadPath && (
          <button
            type="button"
            className="link"
            data-testid="export-download"
            onClick={() => exportsApi.downloadPath(item.downloadPath!, item.file!.name).catch((failure) => notify('error', failureText(failure, l)))}
          >
            {t('exports.download')} {item.file.name}
          </button>
        )}
        {item.file?.expired && <span className="muted">{t('exports.expired')}</span>}
      </td>
    </tr>
  );
}
