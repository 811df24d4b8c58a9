import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/types';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';

export interface PagedList<T> {
  items: T[];
  total: number | null;
  loading: boolean;
  error: string | null;
  /** A next page exists. */
  more: boolean;
  loadMore(): void;
  /** From the first page again (e.g. after a restore changed an entry). */
  reload(): void;
}

/** A list the API pages with `limit` / `cursor` (`{ items, total, nextCursor }`), read a page at a time on demand. */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, key: string): PagedList<T> {
  const { l } = useI18n();
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(
    (from: string | null) => {
      setLoading(true);
      setError(null);
      fetchPage(from)
        .then(
          (page) => {
            setItems((list) => (from ? [...list, ...page.items] : page.items));
            setTotal(page.total);
            setCursor(page.nextCursor);
          },
          (failure) => setError(failureText(failure, l)),
        )
        .finally(() => setLoading(false));
    },
    // The list is one per `key`; `fetchPage` is a fresh closure each render.
    [key, l], // eslint-disable-line react-hooks/exhaustive-deps
  );

  useEffect(() => load(null), [load, generation]);
  return { items, total, loading, error, more: cursor !== null, loadMore: () => cursor && load(cursor), reload: () => setGeneration((n) => n + 1) };
}
