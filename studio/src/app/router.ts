import { useEffect, useState } from 'react';
import { matchSettings, type SettingsPage } from '../designer/designer-routes';
import { type CustomizeSection, matchCustomize } from '../settings/settings-routes';

/** A tiny history router: the Studio has a handful of routes and needs no library for them. */
export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    window.addEventListener('popstate', rerender);
    return () => window.removeEventListener('popstate', rerender);
  }, []);
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

export type RecordTab = 'details' | 'history' | 'activities';
const TABS: readonly RecordTab[] = ['details', 'history', 'activities'];

export type Route =
  | { name: 'home' }
  | { name: 'table'; module: string }
  | { name: 'kanban'; module: string }
  | { name: 'record'; module: string; id: string | null; tab: RecordTab }
  | { name: 'settings'; page: SettingsPage }
  | { name: 'customize'; section: CustomizeSection };

export function matchRoute(path: string, search: URLSearchParams): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings' && parts[1] === 'custom') return { name: 'customize', section: matchCustomize(parts.slice(2)) };
  if (parts[0] === 'settings') return { name: 'settings', page: matchSettings(parts.slice(1), search) };
  if (parts[0] !== 'm' || !parts[1]) return { name: 'home' };
  const module = parts[1];
  if (!parts[2]) return { name: 'table', module };
  if (parts[2] === 'kanban') return { name: 'kanban', module };
  return { name: 'record', module, id: parts[2] === 'new' ? null : parts[2], tab: TABS.find((tab) => tab === search.get('tab')) ?? 'details' };
}

export const paths = {
  table: (module: string) => `/m/${encodeURIComponent(module)}`,
  kanban: (module: string) => `/m/${encodeURIComponent(module)}/kanban`,
  record: (module: string, id: string, tab?: Exclude<RecordTab, 'details'>) => `/m/${encodeURIComponent(module)}/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
  newRecord: (module: string) => `/m/${encodeURIComponent(module)}/new`,
};
