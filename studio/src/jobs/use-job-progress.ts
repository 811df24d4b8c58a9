import { useEffect, useState } from 'react';
import { followStream } from '../api/event-stream';
import { FINISHED_JOB_STATES, jobsApi, type JobView } from '../api/jobs.api';

export interface JobProgress {
  /** The job as last heard; `null` until the first event. */
  job: JobView | null;
  /** The server refused the stream (the job is gone or not this user's): no more news will come. */
  refused: boolean;
}

/**
 * The job as it runs, from its server-sent events: every change arrives as it
 * happens and nothing polls. A dropped stream is opened again; its first event
 * is the job as it is then, so nothing is missed.
 */
export function useJobProgress(id: string | null): JobProgress {
  const [progress, setProgress] = useState<JobProgress>({ job: null, refused: false });
  useEffect(() => {
    setProgress({ job: null, refused: false });
    if (!id) return;
    const abort = new AbortController();
    void followStream({
      open: (onEvent, signal) => jobsApi.events(id, onEvent, signal),
      onEvent: (event) => {
        const job = event.data as JobView;
        setProgress({ job, refused: false });
        return FINISHED_JOB_STATES.includes(job.state);
      },
      // An expired access token: a plain read renews the session, then the stream is asked again.
      refreshSession: () => jobsApi.get(id),
      signal: abort.signal,
    }).then((end) => {
      if (end === 'refused' && !abort.signal.aborted) setProgress((current) => ({ ...current, refused: true }));
    });
    return () => abort.abort();
  }, [id]);
  return progress;
}

export const isFinished = (job: JobView | null): boolean => job !== null && FINISHED_JOB_STATES.includes(job.state);
