import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useRights } from './profile-rights';

const GEAR = 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1';

/** "Personalizar" at the foot of the side menu, for profiles with operation settings. */
export function SettingsMenuLink({ active }: { active: boolean }) {
  const { t } = useI18n();
  const rights = useRights();
  if (!rights.admin) return null;
  return (
    <ul className="settings-link">
      <li>
        <a
          href={paths.modules()}
          className={active ? 'active' : undefined}
          data-testid="menu-settings"
          title={t('settings.menu')}
          onClick={(e) => {
            e.preventDefault();
            navigate(paths.modules());
          }}
        >
          <span className="glyph">
            <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
              <path d={GEAR} />
            </svg>
          </span>
          <span className="label">{t('settings.menu')}</span>
        </a>
      </li>
    </ul>
  );
}
