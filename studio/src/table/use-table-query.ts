import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ApiRecord, FilterNode, ModuleDefinition, ModuleField, SortInput } from '../api/types';
import { combineFilters, draftToFilter, filterToDraft, type GroupDraft, searchFilter } from './filter-model';

export interface TableQuery {
  /** The quick search and the filter builder's groups, combined. */
  filter: FilterNode | undefined;
  filterOn: boolean;
  /** The filter builder's groups as applied (at first those of the URL's `?filter=`). */
  applied: GroupDraft;
  sort: SortInput;
  page: number;
  pageSize: number;
  /** Lookup fields among the columns: their titles come with the rows. */
  expand: string[];
  rows: ApiRecord[];
  total: number;
  /** `total` is a lower bound: the server stopped counting. */
  capped: boolean;
  loading: boolean;
  error: ApiFailure | null;
  search(text: string): void;
  applyFilter(draft: GroupDraft): void;
  toggleSort(field: string): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
  /** The exact number of matches (counted on demand when the list's count is capped). */
  exactTotal(): Promise<number>;
  reload(): void;
}

/**
 * The page of records the list shows: search, filters, sort and paging, read from POST /records/{module}/query.
 * `initialFilter` (a dashboard's click-through, `?filter=`) starts as the filter builder's applied filter.
 */
export function useTableQuery(definition: ModuleDefinition, fields: ModuleField[], initialFilter?: FilterNode): TableQuery {
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState<GroupDraft>(() => filterToDraft(initialFilter));
  const [sort, setSort] = useState<SortInput>({ field: 'updatedAt', dir: 'desc' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [rows, setRows] = useState<ApiRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [generation, setGeneration] = useState(0);

  const filter = useMemo(() => combineFilters(searchFilter(definition, search), draftToFilter(applied)), [definition, search, applied]);
  const expand = useMemo(() => fields.filter((f) => f.type === 'lookup').map((f) => f.key), [fields]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    recordsApi
      .query(definition.key, { filter, sort: [sort], limit: pageSize, offset: (page - 1) * pageSize, expand })
      .then((answer) => {
        if (!live) return;
        setRows(answer.items);
        setTotal(answer.total ?? answer.items.length);
        setCapped(answer.totalCapped === true);
        setError(null);
      })
      .catch((failure: ApiFailure) => live && setError(failure))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [definition.key, filter, sort, page, pageSize, expand, generation]);

  const exactTotal = useCallback(async () => {
    if (!capped) return total;
    const answer = await recordsApi.query(definition.key, { filter, limit: 1, fields: ['id'], count: 'exact' });
    const exact = answer.total ?? total;
    setTotal(exact);
    setCapped(false);
    return exact;
  }, [capped, total, definition.key, filter]);

  return {
    filter,
    filterOn: draftToFilter(applied) !== undefined,
    applied,
    sort,
    page,
    pageSize,
    expand,
    rows,
    total,
    capped,
    loading,
    error,
    // A new search, filter, sort or page size starts again at page 1.
    search: (text) => {
      setSearch(text);
      setPage(1);
    },
    applyFilter: (draft) => {
      setApplied(draft);
      setPage(1);
    },
    toggleSort: (field) => {
      setSort((s) => (s.field === field ? { field, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: 'asc' }));
      setPage(1);
    },
    setPage,
    setPageSize: (size) => {
      setPageSize(size);
      setPage(1);
    },
    exactTotal,
    reload: () => setGeneration((n) => n + 1),
  };
}
