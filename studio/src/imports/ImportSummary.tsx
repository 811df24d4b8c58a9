import type { ImportResult } from '../api/imports.api';
import type { JobView } from '../api/jobs.api';
import type { MessageKey } from '../i18n/es';
import { useI18n } from '../i18n/i18n';
import { FailedRows } from './FailedRows';
import { formatElapsed, importResultOf } from './import-format';

/** The counts shown, each with its colour in the bar; `total` is the sum of the others. */
const PARTS: { key: keyof Pick<ImportResult, 'inserted' | 'updated' | 'unchanged' | 'duplicates' | 'errorCount'>; label: MessageKey; className: string }[] = [
  { key: 'inserted', label: 'imports.summary.inserted', className: 'part-inserted' },
  { key: 'updated', label: 'imports.summary.updated', className: 'part-updated' },
  { key: 'unchanged', label: 'imports.summary.unchanged', className: 'part-unchanged' },
  { key: 'duplicates', label: 'imports.summary.duplicates', className: 'part-duplicates' },
  { key: 'errorCount', label: 'imports.summary.errors', className: 'part-errors' },
];

/** Step 7: how the import ended, in numbers and one bar, with the failed rows. */
export function ImportSummary({ job, headers }: { job: JobView; headers: string[] }) {
  const { t, l, locale } = useI18n();
  const result = importResultOf(job.result);
  const title: MessageKey = job.state === 'completed' ? 'imports.summary.completed' : job.state === 'cancelled' ? 'imports.summary.cancelled' : 'imports.summary.failed';
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <section className="import-summary" data-testid="import-summary" data-state={job.state}>
      <h2>{t(title)}</h2>
      {job.error && <p className="error">{l(job.error.message)}</p>}
      {result && (
        <>
          <dl className="summary-counts">
            <div data-count="total">
              <dt>{t('imports.summary.total')}</dt>
              <dd>{n(result.total)}</dd>
            </div>
            {PARTS.map((part) => (
              <div key={part.key} data-count={part.key} className={part.className}>
                <dt>{t(part.label)}</dt>
                <dd>{n(result[part.key])}</dd>
              </div>
            ))}
            <div data-count="time">
              <dt>{t('imports.summary.time')}</dt>
              <dd>{formatElapsed(result.elapsedMs, locale)}</dd>
            </div>
          </dl>
          {result.total > 0 && (
            <div className="summary-bar" aria-hidden="true">
              {PARTS.filter((part) => result[part.key] > 0).map((part) => (
                <span key={part.key} className={part.className} style={{ flexGrow: result[part.key] }} title={`${t(part.label)}: ${n(result[part.key])}`} />
              ))}
            </div>
          )}
          {result.backup && <p className="muted">{t('imports.summary.backup')}</p>}
          {result.errorCount > 0 && <FailedRows jobId={job.id} headers={headers} />}
        </>
      )}
    </section>
  );
}
