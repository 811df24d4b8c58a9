import type { DashboardWidget } from '@crm/engine';
import { api } from './http';

export interface Dashboard {
  id: string;
  name: string;
  ownerId: string | null;
  sharedWith: string[];
  widgets: DashboardWidget[];
  version: number;
  updatedAt: string;
  mine: boolean;
}

export interface DashboardDraft {
  name: string;
  sharedWith: string[];
  widgets: DashboardWidget[];
}

export interface ProfileOption {
  id: string;
  name: string;
}

let zone: Promise<string> | null = null;

/** The dashboards API (GET/POST /api/v1/dashboards, GET/PUT/DELETE /api/v1/dashboards/{id}). */
export const dashboardsApi = {
  list: () => api<{ items: Dashboard[]; total: number }>('GET', '/api/v1/dashboards?limit=200'),
  get: (id: string) => api<Dashboard>('GET', `/api/v1/dashboards/${encodeURIComponent(id)}`),
  create: (draft: DashboardDraft) => api<Dashboard>('POST', '/api/v1/dashboards', draft),
  update: (id: string, version: number, draft: DashboardDraft) => api<Dashboard>('PUT', `/api/v1/dashboards/${encodeURIComponent(id)}`, { ...draft, version }),
  remove: (id: string) => api<unknown>('DELETE', `/api/v1/dashboards/${encodeURIComponent(id)}`),
  /** Profiles to share with; only administrators may list them (others keep the sharing as it is). */
  profiles: () => api<{ items: ProfileOption[] }>('GET', '/api/v1/profiles').then((r) => r.items),
  /** The operation's time zone, where gauges' date ranges are read; once per page load. */
  timeZone: () => (zone ??= api<{ timeZone: string }>('GET', '/api/v1/settings/time-zone').then((r) => r.timeZone)),
};
