import type { JobView } from '../api/jobs.api';
import { useI18n } from '../i18n/i18n';
import './jobs.css';

/** A job's progress bar with its row counts, as its server-sent events tell it. */
export function JobProgressBar({ job, label, testId = 'job-progress' }: { job: JobView | null; label: (processed: string, total: string) => string; testId?: string }) {
  const { t, locale } = useI18n();
  if (!job) return <p className="muted">{t('jobs.queued')}</p>;
  const percent = job.state === 'completed' ? 100 : Math.max(0, Math.min(100, Math.round(job.progress)));
  return (
    <div className="job-progress" data-testid={testId} data-state={job.state} data-progress={percent}>
      <progress max={100} value={percent} aria-label={label(job.processed.toLocaleString(locale), job.total.toLocaleString(locale))} />
      <span className="job-percent">{percent.toLocaleString(locale)} %</span>
      <span className="muted">{job.state === 'queued' ? t('jobs.queued') : label(job.processed.toLocaleString(locale), job.total.toLocaleString(locale))}</span>
    </div>
  );
}
