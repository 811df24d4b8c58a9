import { api } from '../api/http';

/** Sections of `/api/v1/settings/{section}` (see runtime/settings/settings.sections.ts). */
export type ServerSection = 'tipificaciones' | 'email_templates' | 'web_integration';

export interface Localized {
  es: string;
  en: string;
}

export interface TipificacionNode {
  key: string;
  label: Localized;
  children?: TipificacionNode[];
}

export interface EmailTemplate {
  key: string;
  name: string;
  module: string;
  subject: string;
  body: string;
}

export interface WebVariable {
  name: string;
  source: 'field' | 'agent' | 'call';
  field?: string;
}

export interface SectionValues {
  tipificaciones: Record<string, TipificacionNode[]>;
  email_templates: { items: EmailTemplate[] };
  web_integration: { module: string; url: string; variables: WebVariable[] };
}

export interface SettingsView<S extends ServerSection> {
  section: S;
  value: SectionValues[S];
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export const settingsApi = {
  get: <S extends ServerSection>(section: S) => api<SettingsView<S>>('GET', `/api/v1/settings/${section}`),
  put: <S extends ServerSection>(section: S, value: SectionValues[S], expectedVersion: number) =>
    api<SettingsView<S>>('PUT', `/api/v1/settings/${section}`, { value, expectedVersion }),
};
