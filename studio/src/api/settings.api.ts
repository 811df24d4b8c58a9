import type { SettingsSection, SettingsValues, WebIntegrationVariable } from '@crm/engine';
import { api } from './http';

export type { EmailTemplate, TipificacionNode } from '@crm/engine';

/** Sections of `/api/v1/settings/{section}` and their values: the engine's settings format. */
export type ServerSection = SettingsSection;
export type SectionValues = SettingsValues;
export type WebVariable = WebIntegrationVariable;

export interface SettingsView<S extends ServerSection> {
  section: S;
  value: SectionValues[S];
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export const settingsApi = {
  get: <S extends ServerSection>(section: S) => api<SettingsView<S>>('GET', `/api/v1/settings/${section}`),
  put: <S extends ServerSection>(section: S, value: SectionValues[S], expectedVersion: number) => api<SettingsView<S>>('PUT', `/api/v1/settings/${section}`, { value, expectedVersion }),
};
