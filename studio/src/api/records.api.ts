import { api } from './http';
import type { ApiRecord, HistoryItem, ModuleDefinition, Page, QueryBody } from './types';

const enc = encodeURIComponent;

/** The record and module endpoints the Studio uses; the same API integrators call. */
export const recordsApi = {
  modules: () => api<Page<ModuleDefinition>>('GET', '/api/v1/modules'),
  module: (key: string) => api<ModuleDefinition>('GET', `/api/v1/modules/${enc(key)}`),
  query: (module: string, body: QueryBody) => api<Page<ApiRecord>>('POST', `/api/v1/records/${enc(module)}/query`, body),
  search: (module: string, q: string, limit = 10) => api<Page<ApiRecord>>('GET', `/api/v1/records/${enc(module)}?q=${enc(q)}&limit=${limit}`),
  get: (module: string, id: string) => api<ApiRecord>('GET', `/api/v1/records/${enc(module)}/${enc(id)}`),
  create: (module: string, values: Record<string, unknown>) => api<ApiRecord>('POST', `/api/v1/records/${enc(module)}`, values),
  update: (module: string, id: string, patch: Record<string, unknown>) => api<ApiRecord>('PATCH', `/api/v1/records/${enc(module)}/${enc(id)}`, patch),
  remove: (module: string, id: string) => api<unknown>('DELETE', `/api/v1/records/${enc(module)}/${enc(id)}`),
  history: (module: string, id: string, cursor?: string) =>
    api<Page<HistoryItem>>('GET', `/api/v1/records/${enc(module)}/${enc(id)}/history?limit=50${cursor ? `&cursor=${enc(cursor)}` : ''}`),
};
