import { useEffect, useRef } from 'react';
import { readEventStream } from '../api/event-stream';
import { recordsApi } from '../api/records.api';
import type { ApiRecord } from '../api/types';

/** Reconnection delays after the stream drops: doubles from the first to the last. */
export const WATCH_BACKOFF_MS = { first: 1000, max: 30_000 };

interface VersionEvent {
  version?: unknown;
}

const enc = encodeURIComponent;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * R6: calls `onNewer` when another agent saves the open record. Listens to the
 * record's server-sent events (`ready` with the version when connected,
 * `change` on each save) and then reads the record, so what the form gets has
 * passed the same access rules as any read. A dropped stream reconnects with
 * backoff; the `ready` event tells whether a save was missed meanwhile.
 */
export function useRecordWatch(module: string, record: ApiRecord | null, onNewer: (current: ApiRecord) => void): void {
  const latest = useRef(onNewer);
  latest.current = onNewer;
  // The version shown now: read when an event arrives, so the form's own saves are no news.
  const shown = useRef(record?.version ?? 0);
  shown.current = record?.version ?? 0;
  const id = record?.id;

  useEffect(() => {
    if (!id) return;
    const abort = new AbortController();
    const { signal } = abort;
    let reading: Promise<void> | null = null;
    let again = false;

    /** Reads the record once at a time; a change arriving meanwhile reads it again after. */
    const refresh = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = (async () => {
        do {
          again = false;
          try {
            const current = await recordsApi.get(module, id);
            if (!signal.aborted && current.version > shown.current) latest.current(current);
          } catch {
            // Deleted or no longer visible: nothing to show; the form keeps what it has.
          }
        } while (again && !signal.aborted);
      })().finally(() => {
        reading = null;
      });
    };

    const onEvent = (event: { event: string; data: unknown }) => {
      if (event.event !== 'ready' && event.event !== 'change') return;
      const version = (event.data as VersionEvent | null)?.version;
      if (typeof version === 'number' && version > shown.current) refresh();
    };

    void (async () => {
      let delay = WATCH_BACKOFF_MS.first;
      while (!signal.aborted) {
        let connected = false;
        const end = await readEventStream(
          `/api/v1/records/${enc(module)}/${enc(id)}/events`,
          (event) => {
            if (event.event === 'ready') connected = true;
            onEvent(event);
          },
          signal,
        );
        if (signal.aborted) return;
        // Gone for this user (deleted, reassigned away): no stream to wait for.
        if (end.status === 404 || end.status === 403) return;
        // An expired access token: a plain read refreshes the session, then the stream is asked again.
        if (end.status === 401) await recordsApi.get(module, id).catch(() => undefined);
        if (connected) delay = WATCH_BACKOFF_MS.first;
        await sleep(delay, signal);
        delay = Math.min(delay * 2, WATCH_BACKOFF_MS.max);
      }
    })();

    return () => abort.abort();
  }, [module, id]);
}
