import { moduleWithRole, roleField, SETTINGS_SECTIONS, type ModuleDefinition, type SettingsSection, type SettingsValues } from '@crm/engine';

export { SETTINGS_SECTIONS, type EmailTemplate, type SettingsSection, type SettingsValues, type TipificacionNode, type WebIntegrationVariable } from '@crm/engine';

export const isSettingsSection = (value: string): value is SettingsSection => (SETTINGS_SECTIONS as readonly string[]).includes(value);

/**
 * What a section holds before an admin saves it. The link starts with the
 * seed's variables (seed 000 §3.4) on the module with the `contacts` role and
 * its field with the `phone` role, when the operation has them.
 */
export function settingsDefault<S extends SettingsSection>(section: S, definitions: readonly ModuleDefinition[]): SettingsValues[S] {
  const defaults: { [K in SettingsSection]: () => SettingsValues[K] } = {
    tipificaciones: () => ({}),
    email_templates: () => ({ items: [] }),
    web_integration: () => {
      const contacts = moduleWithRole(definitions, 'contacts');
      const phone = contacts && roleField(contacts, 'phone');
      return {
        module: contacts?.key ?? definitions[0]?.key ?? '',
        url: '',
        variables: [
          { name: 'id_customer', source: 'field', field: 'id' },
          { name: 'id_agent', source: 'agent' },
          ...(phone ? [{ name: 'TELEFONO', source: 'field' as const, field: phone.key }] : []),
          { name: 'id_call', source: 'call' },
        ],
      };
    },
  };
  return defaults[section]();
}
