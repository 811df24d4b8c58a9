import { useEffect, useState } from 'react';
import { followStream } from '../api/event-stream';
import { FINISHED_JOB_STATES, jobsApi, type JobView } from '../api/jobs.api';

/**
 * The job as it runs, from its server-sent events: every change arrives as it
 * happens and nothing polls. A dropped stream is opened again; its first event
 * is the job as it is then, so nothing is missed. `null` until the first event.
 */
export function useJobProgress(id: string | null): JobView | null {
  const [job, setJob] = useState<JobView | null>(null);
  useEffect(() => {
    setJob(null);
    if (!id) return;
    const abort = new AbortController();
    void followStream({
      open: (onEvent, signal) => jobsApi.events(id, onEvent, signal),
      onEvent: (event) => {
        const view = event.data as JobView;
        if (abort.signal.aborted) return true;
        setJob(view);
        return FINISHED_JOB_STATES.includes(view.state);
      },
      // An expired access token: a plain read renews the session, then the stream is asked again.
      refreshSession: () => jobsApi.get(id),
      signal: abort.signal,
    });
    return () => abort.abort();
  }, [id]);
  return job;
}

export const isFinished = (job: JobView | null): boolean => job !== null && FINISHED_JOB_STATES.includes(job.state);
