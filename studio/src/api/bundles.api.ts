import type { ModuleDefinition } from './types';
import { api } from './http';
import type { ModulePlan } from './designer.api';
import type { SettingsChange } from '../settings/ImportedSettings';

/** A versioned export of module schemas (M7); the designer treats it as opaque JSON apart from its modules. */
export interface SchemaBundle {
  format: string;
  formatVersion: number;
  metaSchemaVersion: string;
  exportedAt: string;
  operation: string;
  modules: ModuleDefinition[];
  settings: Record<string, unknown>;
}

export interface ImportedModule extends ModulePlan {
  action: 'create' | 'update' | 'unchanged';
}

export interface ImportResult {
  dryRun: boolean;
  operation: string;
  formatVersion: number;
  upgradedFrom?: number;
  modules: ImportedModule[];
  /** S4 settings sections in the bundle (absent from servers before they existed). */
  settings?: SettingsChange[];
}

export const bundlesApi = {
  export: (modules: string[]) => api<SchemaBundle>('GET', `/api/v1/schema/export?modules=${encodeURIComponent(modules.join(','))}`),
  import: (bundle: unknown, dryRun: boolean) => api<ImportResult>('POST', '/api/v1/schema/import', { bundle, dryRun }),
};
