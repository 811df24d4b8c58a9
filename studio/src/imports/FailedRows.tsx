import { useState } from 'react';
import { importsApi } from '../api/imports.api';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { usePagedList } from '../app/use-paged-list';

const PAGE = 50;

/** Every failed row of an import or validation job, a page at a time, with the original cells and the reasons; and the CSV of them all. */
export function FailedRows({ jobId, headers }: { jobId: string; headers: string[] }) {
  const { t, l, lang, locale } = useI18n();
  const list = usePagedList((cursor) => importsApi.failures(jobId, PAGE, cursor), jobId);
  const [error, setError] = useState<string | null>(null);
  const problem = error ?? list.error;

  return (
    <section className="failed-rows" data-testid="failed-rows">
      <h3>
        {t('imports.failures.title')}
        {list.total !== null && <span className="badge warn">{list.total.toLocaleString(locale)}</span>}
        <button type="button" className="link" onClick={() => importsApi.downloadFailures(jobId, lang).catch((f) => setError(failureText(f, l)))} data-testid="download-failures">
          {t('imports.failures.download')}
        </button>
      </h3>
      {problem && <p className="error">{problem}</p>}
      <div className="table-wrap">
        <table className="records">
          <thead>
            <tr>
              <th>{t('imports.preview.line')}</th>
              {headers.map((header, i) => (
                <th key={i}>{header}</th>
              ))}
              <th>{t('imports.failures.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr key={row.line} data-line={row.line}>
                <td>{row.line.toLocaleString(locale)}</td>
                {headers.map((_, i) => (
                  <td key={i} className={row.issues.some((issue) => issue.column === i) ? 'cell-issue' : undefined}>
                    {row.cells[i] ?? ''}
                  </td>
                ))}
                <td className="reason">{row.issues.map((issue) => l(issue.message)).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.more && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {t('imports.failures.more')}
        </button>
      )}
    </section>
  );
}
