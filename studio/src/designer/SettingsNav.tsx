import type { ReactNode } from 'react';
import { navigate } from '../app/router';
import { useI18n } from '../i18n/i18n';

export interface SettingsNavLink {
  path: string;
  label: string;
  active: boolean;
  testId: string;
}

/** The small menu beside every Personalizar screen; links navigate inside the app. */
export function SettingsNav({ links }: { links: SettingsNavLink[] }): ReactNode {
  const { t } = useI18n();
  return (
    <nav className="settings-nav" aria-label={t('settings.title')}>
      <h2>{t('settings.title')}</h2>
      {links.map((link) => (
        <a
          key={link.path}
          href={link.path}
          className={link.active ? 'active' : undefined}
          data-testid={link.testId}
          onClick={(e) => {
            e.preventDefault();
            navigate(link.path);
          }}
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}
