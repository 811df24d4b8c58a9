import { useEffect, useRef } from 'react';
import { followStream } from '../api/event-stream';
import { recordsApi } from '../api/records.api';
import type { ApiRecord } from '../api/types';

interface VersionEvent {
  version?: unknown;
}

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

    void followStream({
      open: (onStreamEvent, streamSignal) => recordsApi.events(module, id, onStreamEvent, streamSignal),
      onEvent,
      // An expired access token: a plain read renews the session, then the stream is asked again.
      refreshSession: () => recordsApi.get(module, id),
      signal,
    });

    return () => abort.abort();
  }, [module, id]);
}
