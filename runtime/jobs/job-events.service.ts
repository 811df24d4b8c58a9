import { Inject, Injectable, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import { JobChanges } from './job.changes';
import { FINISHED_STATES, JobStore, type JobRow } from './job.store';
import { toJobView } from './job.view';
import { JOBS_OPTIONS, type JobsOptions } from './jobs.options';

/**
 * The progress stream of one job (server-sent events): a `progress` event for
 * every version of the row, then `completed`, `failed` or `cancelled`, and the
 * stream ends. Changes made in this process arrive at once; the row is also
 * read every `eventsPollMs`, so changes made by workers on other replicas
 * arrive too. A client that disconnects stops the reading.
 */
@Injectable()
export class JobEventsService implements OnModuleDestroy {
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    @Inject(JobStore) private readonly store: JobStore,
    @Inject(JobChanges) private readonly changes: JobChanges,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  /** Streams being served now. */
  get activeStreams(): number {
    return this.open.size;
  }

  stream(initial: JobRow): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let last: JobRow | null = null;
      let timer: NodeJS.Timeout | undefined;
      let closed = false;

      const close = () => {
        closed = true;
        clearTimeout(timer);
        unwatch();
        this.open.delete(subscriber);
      };
      const emit = (row: JobRow) => {
        // Polls and pushes may arrive out of order: only a newer version of the row is news.
        if (closed || (last && BigInt(row.revision) <= BigInt(last.revision))) return;
        last = row;
        const data = toJobView(row);
        subscriber.next({ type: 'progress', id: row.revision, data });
        if (FINISHED_STATES.includes(row.state)) {
          subscriber.next({ type: row.state, id: row.revision, data });
          close();
          subscriber.complete();
        }
      };
      const poll = async () => {
        try {
          const row = await this.store.find(initial.operationId, initial.id);
          if (row) emit(row);
        } catch {
          // The database may be busy or restarting: the next poll tries again.
        }
        if (!closed) schedule();
      };
      const schedule = () => {
        timer = setTimeout(() => void poll(), this.options.eventsPollMs);
      };

      const unwatch = this.changes.watch(initial.id, emit);
      this.open.add(subscriber);
      emit(initial);
      if (!closed) schedule();
      return close;
    });
  }

  /** The server stops: open streams end (their clients reconnect to another replica). */
  onModuleDestroy(): void {
    for (const subscriber of [...this.open]) subscriber.complete();
    this.open.clear();
  }
}
