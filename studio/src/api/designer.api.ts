import type { DiffOperation, StoragePlan } from '@crm/engine';
import type { Localized } from '../i18n/i18n';
import { api } from './http';
import type { ModuleDefinition, Page } from './types';

const enc = encodeURIComponent;

/** A data check the server ran against the records before a change (e.g. values that would not convert). */
export interface DataCheck {
  column: string;
  check: { rule: string; [detail: string]: unknown };
  offending: { id: string; value: unknown }[];
  count: number;
  blocking: boolean;
}

/** `POST /modules/{key}/plan`: what applying would do, nothing written. */
export interface ModulePlan {
  key: string;
  fromVersion: number;
  toVersion: number;
  operations: DiffOperation[];
  plan: StoragePlan;
  checks: DataCheck[];
  blocked: boolean;
}

export interface ModuleVersion {
  key: string;
  version: number;
  definition: ModuleDefinition;
  operations: DiffOperation[];
  plan: { description: Localized; safety: string }[];
  createdBy: string | null;
  createdAt: string;
}

/** `POST /ai/module-drafts`: the proposal of the AI assistant (S2); nothing is applied. */
export interface ModuleDraft {
  provider: 'offline' | 'anthropic';
  definition: ModuleDefinition;
  diff: DiffOperation[];
  plan: StoragePlan;
  notUnderstood: string[];
}

/** The module-definition endpoints the designer uses (S1, M5). */
export const designerApi = {
  modules: () => api<Page<ModuleDefinition>>('GET', '/api/v1/modules'),
  module: (key: string) => api<ModuleDefinition>('GET', `/api/v1/modules/${enc(key)}`),
  create: (definition: ModuleDefinition) => api<ModuleDefinition>('POST', '/api/v1/modules', definition),
  plan: (key: string, definition: ModuleDefinition) => api<ModulePlan>('POST', `/api/v1/modules/${enc(key)}/plan`, { definition }),
  apply: (key: string, definition: ModuleDefinition, expectedVersion: number, keepAside = false) =>
    api<ModulePlan & { definition: ModuleDefinition }>('PUT', `/api/v1/modules/${enc(key)}`, { definition, expectedVersion, keepAside }),
  versions: (key: string) => api<Page<ModuleVersion>>('GET', `/api/v1/modules/${enc(key)}/versions`),
  rollback: (key: string, version: number, keepAside = false) => api<ModulePlan & { definition: ModuleDefinition }>('POST', `/api/v1/modules/${enc(key)}/rollback`, { version, keepAside }),
  draft: (body: { prompt: string; module?: string; draft?: ModuleDefinition }) => api<ModuleDraft>('POST', '/api/v1/ai/module-drafts', body),
};
