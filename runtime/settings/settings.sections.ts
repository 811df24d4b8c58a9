import { SETTINGS_SECTIONS, type SettingsSection, type SettingsValues } from '@crm/engine';

export { SETTINGS_SECTIONS, type EmailTemplate, type SettingsSection, type SettingsValues, type TipificacionNode, type WebIntegrationVariable } from '@crm/engine';

export const isSettingsSection = (value: string): value is SettingsSection => (SETTINGS_SECTIONS as readonly string[]).includes(value);

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
