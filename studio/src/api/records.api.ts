import { readEventStream, type StreamEnd, type StreamEvent } from './event-stream';
import { api } from './http';
import type { AggregateBody, AggregateResult, ApiRecord, FilterNode, HistoryItem, ModuleDefinition, Page, QueryBody, SortInput } from './types';

const enc = encodeURIComponent;

/** The record and module endpoints the Studio uses; the same API integrators call. */
export const recordsApi = {
  modules: () => api<Page<ModuleDefinition>>('GET', '/api/v1/modules'),
  module: (key: string) => api<ModuleDefinition>('GET', `/api/v1/modules/${enc(key)}`),
  query: (module: string, body: QueryBody) => api<Page<ApiRecord>>('POST', `/api/v1/records/${enc(module)}/query`, body),
  /** Counts, sums, averages, minimums and maximums by up to two groups, over the records the user sees. */
  aggregate: (module: string, body: AggregateBody) => api<AggregateResult>('POST', `/api/v1/records/${enc(module)}/aggregate`, body),
  search: (module: string, q: string, limit = 10) => api<Page<ApiRecord>>('GET', `/api/v1/records/${enc(module)}?q=${enc(q)}&limit=${limit}`),
  get: (module: string, id: string) => api<ApiRecord>('GET', `/api/v1/records/${enc(module)}/${enc(id)}`),
  create: (module: string, values: Record<string, unknown>) => api<ApiRecord>('POST', `/api/v1/records/${enc(module)}`, values),
  update: (module: string, id: string, patch: Record<string, unknown>) => api<ApiRecord>('PATCH', `/api/v1/records/${enc(module)}/${enc(id)}`, patch),
  remove: (module: string, id: string) => api<unknown>('DELETE', `/api/v1/records/${enc(module)}/${enc(id)}`),
  history: (module: string, id: string, cursor?: string) => api<Page<HistoryItem>>('GET', `/api/v1/records/${enc(module)}/${enc(id)}/history?limit=50${cursor ? `&cursor=${enc(cursor)}` : ''}`),
  /** The record's server-sent events (`ready` with its version, then `change` on each save) until `signal` aborts or the stream drops. */
  events: (module: string, id: string, onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<StreamEnd> =>
    readEventStream(`/api/v1/records/${enc(module)}/${enc(id)}/events`, onEvent, signal),
};

/** Every record matching a filter, page by page with the cursor (1,000 at a time, the API's largest page). */
export async function fetchAll(module: string, body: { filter?: FilterNode; sort?: SortInput[]; fields?: string[]; expand?: string[] }, max: number): Promise<ApiRecord[]> {
  const out: ApiRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await recordsApi.query(module, { ...body, limit: 1000, count: false, ...(cursor && { cursor }) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}
