/**
 * The settings screens (Personalizar): the module designer (S1, S2) and schema
 * export / import (M7). Kept apart from the records router so each side grows alone.
 */
export type DesignerTab = 'fields' | 'sections' | 'preview' | 'versions' | 'ai';
const TABS: readonly DesignerTab[] = ['fields', 'sections', 'preview', 'versions', 'ai'];

export type SettingsPage =
  | { page: 'modules' }
  | { page: 'newModule' }
  | { page: 'module'; key: string; tab: DesignerTab }
  | { page: 'schema' };

/** `parts` are the path segments after `/settings`. */
export function matchSettings(parts: string[], search: URLSearchParams): SettingsPage {
  if (parts[0] === 'schema') return { page: 'schema' };
  if (parts[0] !== 'modules' || !parts[1]) return { page: 'modules' };
  if (parts[1] === 'new') return { page: 'newModule' };
  return { page: 'module', key: parts[1], tab: TABS.find((tab) => tab === search.get('tab')) ?? 'fields' };
}

export const settingsPaths = {
  modules: () => '/settings/modules',
  newModule: () => '/settings/modules/new',
  module: (key: string, tab?: DesignerTab) => `/settings/modules/${encodeURIComponent(key)}${tab && tab !== 'fields' ? `?tab=${tab}` : ''}`,
  schema: () => '/settings/schema',
};
