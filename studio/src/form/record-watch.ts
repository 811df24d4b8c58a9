import { useEffect, useRef } from 'react';
import { recordsApi } from '../api/records.api';
import type { ApiRecord } from '../api/types';

/** How often an open record asks whether someone else saved it. */
export const WATCH_INTERVAL_MS = 3000;

/**
 * R6: calls `onNewer` when another agent saves the open record. It asks the
 * API for the record's version while the tab is visible; a server-sent-events
 * feed of record changes can replace this one function without touching the form.
 */
export function useRecordWatch(module: string, record: ApiRecord | null, onNewer: (current: ApiRecord) => void): void {
  const latest = useRef(onNewer);
  latest.current = onNewer;
  const id = record?.id;
  const version = record?.version ?? 0;
  useEffect(() => {
    if (!id) return;
    let live = true;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      recordsApi.get(module, id).then(
        (current) => {
          if (live && current.version > version) latest.current(current);
        },
        () => undefined,
      );
    }, WATCH_INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [module, id, version]);
}
