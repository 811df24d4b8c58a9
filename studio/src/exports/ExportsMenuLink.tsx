import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';

const DOWNLOAD = 'M12 3v12M7 10l5 5 5-5M4 19h16';

/** "Mis exportaciones" at the foot of the side menu, for every user (exports are personal). */
export function ExportsMenuLink({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="settings-link exports-link">
      <li>
        <a
          href={paths.exports()}
          className={active ? 'active' : undefined}
          data-testid="menu-exports"
          title={t('exports.title')}
          onClick={(e) => {
            e.preventDefault();
            navigate(paths.exports());
          }}
        >
          <span className="glyph">
            <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d={DOWNLOAD} />
            </svg>
          </span>
          <span className="label">{t('exports.title')}</span>
        </a>
      </li>
    </ul>
  );
}
