import type { MessageKey } from '../i18n/es';
import { useI18n } from '../i18n/i18n';

export interface SettingsChange {
  section: 'tipificaciones' | 'email_templates' | 'web_integration';
  action: 'create' | 'update' | 'unchanged';
}

const NAMES: Record<SettingsChange['section'], MessageKey> = {
  tipificaciones: 'custom.section.tipificaciones',
  email_templates: 'custom.section.templates',
  web_integration: 'custom.section.webIntegration',
};

/** The S4 settings sections a schema bundle brings, in the import preview beside the modules. */
export function ImportedSettings({ changes }: { changes: SettingsChange[] | undefined }) {
  const { t } = useI18n();
  if (!changes?.length) return null;
  return (
    <ul className="plan-list" data-testid="import-settings">
      {changes.map((change) => (
        <li key={change.section} data-section={change.section} data-action={change.action}>
          <strong>{t(NAMES[change.section])}</strong> — {t(`bundles.action.${change.action}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}
