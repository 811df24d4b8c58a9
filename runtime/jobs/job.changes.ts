import { Injectable } from '@nestjs/common';
import type { JobRow } from './job.store';

type Listener = (row: JobRow) => void;

/**
 * Committed changes of job rows made by this process, as they happen: event
 * streams push them at once and runners learn of cancellations. Changes made
 * by other replicas arrive by polling the row instead.
 */
@Injectable()
export class JobChanges {
  private readonly byJob = new Map<string, Set<Listener>>();
  private readonly all = new Set<Listener>();

  publish(row: JobRow): void {
    for (const listener of this.byJob.get(row.id) ?? []) listener(row);
    for (const listener of this.all) listener(row);
  }

  /** Listens to one job; returns the function that stops listening. */
  watch(jobId: string, listener: Listener): () => void {
    let listeners = this.byJob.get(jobId);
    if (!listeners) this.byJob.set(jobId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byJob.get(jobId) === listeners) this.byJob.delete(jobId);
    };
  }

  watchAll(listener: Listener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }
}
