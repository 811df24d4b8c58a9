import type { LocalizedText } from '../definition/module-definition.types';

/**
 * The S4 settings kept outside module definitions, one JSON value per section.
 * Part of the public format: schema bundles carry them, the server validates
 * them and the Studio edits them. Picklists, case types, priorities and phases
 * live in the module definitions (options with `data`) instead.
 */
export const SETTINGS_SECTIONS = ['tipificaciones', 'email_templates', 'web_integration'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** One category of a tipificación tree; leaves are what an agent finally picks. */
export interface TipificacionNode {
  key: string;
  label: LocalizedText;
  children?: TipificacionNode[];
}

export interface EmailTemplate {
  key: string;
  name: string;
  /** The module whose records fill the template (`{{nombre}}` is a field of it). */
  module: string;
  subject: string;
  /** Handlebars, rendered in html mode (values escaped). */
  body: string;
}

/** Where a variable of the integration link takes its value from. */
export interface WebIntegrationVariable {
  name: string;
  source: 'field' | 'agent' | 'call';
  /** The record field, for `source: 'field'`. */
  field?: string;
}

export interface SettingsValues {
  /** Per module key, the roots of its tree. */
  tipificaciones: Record<string, TipificacionNode[]>;
  email_templates: { items: EmailTemplate[] };
  web_integration: { module: string; url: string; variables: WebIntegrationVariable[] };
}
