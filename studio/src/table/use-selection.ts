import { useCallback, useEffect, useState } from 'react';
import { fetchAll } from '../api/records.api';
import type { ApiRecord, FilterNode } from '../api/types';

/** What is selected: some ids, or every record the filter matches ("Seleccionar los N registros"). */
type Picked = { all: false; ids: Set<string> } | { all: true };

export interface Selection {
  /** Every match of the filter, not only the ticked rows. */
  all: boolean;
  count(total: number): number;
  has(id: string): boolean;
  pageChecked: boolean;
  toggleRow(id: string, on: boolean): void;
  togglePage(on: boolean): void;
  selectAll(): void;
  clear(): void;
  /** The selected records' ids and versions (the versions lock each PATCH); "all N" reads them page by page. */
  records(): Promise<{ id: string; version: number }[]>;
  ids(): Promise<string[]>;
}

const nothing = (): Picked => ({ all: false, ids: new Set() });

/** The rows ticked in the list, across pages, or every match of its filter. */
export function useSelection(module: string, rows: ApiRecord[], filter: FilterNode | undefined): Selection {
  const [picked, setPicked] = useState<Picked>(nothing);

  // A different result set starts a new selection.
  useEffect(() => setPicked(nothing()), [filter]);

  const records = useCallback(async (): Promise<{ id: string; version: number }[]> => {
    if (!picked.all) {
      // Rows picked on other pages are read again for their current versions.
      const here = rows.filter((r) => picked.ids.has(r.id));
      const missing = [...picked.ids].filter((id) => !here.some((r) => r.id === id));
      const there = missing.length ? await fetchAll(module, { filter: { field: 'id', op: 'in', value: missing }, fields: ['id'] }, missing.length) : [];
      return [...here, ...there].map((r) => ({ id: r.id, version: r.version }));
    }
    return (await fetchAll(module, { filter, fields: ['id'] }, Number.MAX_SAFE_INTEGER)).map((r) => ({ id: r.id, version: r.version }));
  }, [picked, rows, module, filter]);
  const ids = useCallback(async () => (await records()).map((r) => r.id), [records]);

  return {
    all: picked.all,
    count: (total) => (picked.all ? total : picked.ids.size),
    has: (id) => picked.all || picked.ids.has(id),
    pageChecked: rows.length > 0 && (picked.all || rows.every((r) => picked.ids.has(r.id))),
    toggleRow: (id, on) =>
      setPicked((s) => {
        const next = new Set(s.all ? rows.map((r) => r.id) : s.ids);
        if (on) next.add(id);
        else next.delete(id);
        return { all: false, ids: next };
      }),
    togglePage: (on) => setPicked({ all: false, ids: on ? new Set(rows.map((r) => r.id)) : new Set() }),
    selectAll: () => setPicked({ all: true }),
    clear: () => setPicked(nothing()),
    records,
    ids,
  };
}
