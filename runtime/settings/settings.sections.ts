/**
 * The S4 settings kept outside module definitions, one JSON value per section.
 * Picklists, case types, priorities and phases live in the module definitions
 * (options with `data`) and are edited through the module API instead.
 */
export const SETTINGS_SECTIONS = ['tipificaciones', 'email_templates', 'web_integration'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export const isSettingsSection = (value: string): value is SettingsSection => (SETTINGS_SECTIONS as readonly string[]).includes(value);

export interface LocalizedLabel {
  es: string;
  en: string;
}

/** One category of a tipificación tree; leaves are what an agent finally picks. */
export interface TipificacionNode {
  key: string;
  label: LocalizedLabel;
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

/** What a section holds before an admin saves it: the link starts with the seed's variables (seed 000 §3.4). */
export const SETTINGS_DEFAULTS: SettingsValues = {
  tipificaciones: {},
  email_templates: { items: [] },
  web_integration: {
    module: 'contactos',
    url: '',
    variables: [
      { name: 'id_customer', source: 'field', field: 'id' },
      { name: 'id_agent', source: 'agent' },
      { name: 'TELEFONO', source: 'field', field: 'telefono' },
      { name: 'id_call', source: 'call' },
    ],
  },
};
