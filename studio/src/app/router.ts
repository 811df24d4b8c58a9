import { useEffect, useState } from 'react';

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
const RECORD_TABS: readonly RecordTab[] = ['details', 'history', 'activities'];

/** The module designer's tabs (S1, S2). */
export type DesignerTab = 'fields' | 'sections' | 'preview' | 'versions' | 'ai';
export const DESIGNER_TABS: readonly DesignerTab[] = ['fields', 'sections', 'preview', 'versions', 'ai'];

/** The S4 settings sections, under `/settings/custom/{section}`. */
export type CustomizeSection = 'picklists' | 'caseTypes' | 'priorities' | 'phases' | 'tipificaciones' | 'templates' | 'webIntegration';
export const CUSTOMIZE_SECTIONS: readonly CustomizeSection[] = ['picklists', 'caseTypes', 'priorities', 'phases', 'tipificaciones', 'templates', 'webIntegration'];

/** The designer and schema export / import (M7) screens, under `/settings`. */
export type SettingsPage = { page: 'modules' } | { page: 'newModule' } | { page: 'module'; key: string; tab: DesignerTab } | { page: 'schema' } | { page: 'outbox' };

export type Route =
  | { name: 'home' }
  /** "Mis exportaciones"; the link an export's e-mail carries names the export and its token, downloaded on arrival. */
  | { name: 'exports'; download: string | null; token: string | null }
  | { name: 'table'; module: string }
  | { name: 'kanban'; module: string }
  | { name: 'import'; module: string }
  | { name: 'importHistory'; module: string }
  | { name: 'backups'; module: string }
  | { name: 'deletions'; module: string }
  | { name: 'duplicates'; module: string }
  | { name: 'record'; module: string; id: string | null; tab: RecordTab }
  | { name: 'settings'; page: SettingsPage }
  | { name: 'customize'; section: CustomizeSection }
  | { name: 'dashboards' }
  | { name: 'dashboard'; id: string | null };

const pick = <T extends string>(allowed: readonly T[], value: string | null | undefined, fallback: T): T => allowed.find((item) => item === value) ?? fallback;

/** `parts` are the path segments after `/settings`. */
function matchSettings(parts: string[], search: URLSearchParams): SettingsPage {
  if (parts[0] === 'schema') return { page: 'schema' };
  if (parts[0] === 'outbox') return { page: 'outbox' };
  if (parts[0] !== 'modules' || !parts[1]) return { page: 'modules' };
  if (parts[1] === 'new') return { page: 'newModule' };
  return { page: 'module', key: parts[1], tab: pick(DESIGNER_TABS, search.get('tab'), 'fields') };
}

export function matchRoute(path: string, search: URLSearchParams): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings' && parts[1] === 'custom') return { name: 'customize', section: pick(CUSTOMIZE_SECTIONS, parts[2], 'picklists') };
  if (parts[0] === 'settings') return { name: 'settings', page: matchSettings(parts.slice(1), search) };
  if (parts[0] === 'exports') return { name: 'exports', download: search.get('download'), token: search.get('token') };
  if (parts[0] === 'dashboards') return parts[1] ? { name: 'dashboard', id: parts[1] === 'new' ? null : parts[1] } : { name: 'dashboards' };
  if (parts[0] !== 'm' || !parts[1]) return { name: 'home' };
  const module = parts[1];
  if (!parts[2]) return { name: 'table', module };
  if (parts[2] === 'kanban') return { name: 'kanban', module };
  if (parts[2] === 'import') return { name: 'import', module };
  if (parts[2] === 'imports') return { name: 'importHistory', module };
  if (parts[2] === 'backups') return { name: 'backups', module };
  if (parts[2] === 'deletions') return { name: 'deletions', module };
  if (parts[2] === 'duplicates') return { name: 'duplicates', module };
  return { name: 'record', module, id: parts[2] === 'new' ? null : parts[2], tab: pick(RECORD_TABS, search.get('tab'), 'details') };
}

const enc = encodeURIComponent;

/** Every address the Studio links to, the inverse of `matchRoute`. */
export const paths = {
  /** `filter`: a base64url filter tree the table opens with (a dashboard's click-through). */
  table: (module: string, filter?: string) => `/m/${enc(module)}${filter ? `?filter=${filter}` : ''}`,
  kanban: (module: string) => `/m/${enc(module)}/kanban`,
  /** The import wizard, the module's import history and its backups (issue 10). */
  importWizard: (module: string) => `/m/${enc(module)}/import`,
  importHistory: (module: string) => `/m/${enc(module)}/imports`,
  backups: (module: string) => `/m/${enc(module)}/backups`,
  /** The module's mass deletes, each restorable as one batch (issue 11). */
  deletions: (module: string) => `/m/${enc(module)}/deletions`,
  /** Duplicates and previous merges (B3). */
  duplicates: (module: string) => `/m/${enc(module)}/duplicates`,
  record: (module: string, id: string, tab?: Exclude<RecordTab, 'details'>) => `/m/${enc(module)}/${enc(id)}${tab ? `?tab=${tab}` : ''}`,
  newRecord: (module: string) => `/m/${enc(module)}/new`,
  modules: () => '/settings/modules',
  newModule: () => '/settings/modules/new',
  module: (key: string, tab?: DesignerTab) => `/settings/modules/${enc(key)}${tab && tab !== 'fields' ? `?tab=${tab}` : ''}`,
  schema: () => '/settings/schema',
  /** Correo saliente: delivery, the sender and the outbox (issue 11). */
  outbox: () => '/settings/outbox',
  dashboards: () => '/dashboards',
  dashboard: (id: string | null) => `/dashboards/${id === null ? 'new' : enc(id)}`,
  customize: (section: CustomizeSection = 'picklists') => `/settings/custom/${section}`,
  exports: () => '/exports',
};
