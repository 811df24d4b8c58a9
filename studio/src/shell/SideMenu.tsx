import { navigate, paths } from '../app/router';
import { useModules } from '../app/modules.context';
import { SettingsMenuLink } from '../designer/SettingsMenuLink';
import { ExportsMenuLink } from '../exports/ExportsMenuLink';
import { useI18n } from '../i18n/i18n';
import { ModuleIcon } from './ModuleIcon';

/** The modules the profile may see (the API already filters by the view right); icons only until hovered. */
export function SideMenu({ current, settings = false, exports = false, dashboards = false }: { current: string | null; settings?: boolean; exports?: boolean; dashboards?: boolean }) {
  const { list } = useModules();
  const { l, t } = useI18n();
  const sorted = [...list].sort((a, b) => l(a.names.plural).localeCompare(l(b.names.plural)));
  return (
    <nav className="side-menu" aria-label={t('shell.menu')}>
      <ul>
        <li>
          <a
            href={paths.dashboards()}
            className={dashboards ? 'active' : undefined}
            data-testid="menu-dashboards"
            title={t('dashboards.menu')}
            onClick={(e) => {
              e.preventDefault();
              navigate(paths.dashboards());
            }}
          >
            <span className="glyph">
              <ModuleIcon name="bar-chart" />
            </span>
            <span className="label">{t('dashboards.menu')}</span>
          </a>
        </li>
        {sorted.map((m) => (
          <li key={m.key}>
            <a
              href={paths.table(m.key)}
              className={current === m.key ? 'active' : undefined}
              data-module={m.key}
              title={l(m.names.plural)}
              onClick={(e) => {
                e.preventDefault();
                navigate(paths.table(m.key));
              }}
            >
              <span className="glyph">
                <ModuleIcon name={m.icon} />
              </span>
              <span className="label">{l(m.names.plural)}</span>
            </a>
          </li>
        ))}
      </ul>
      <ExportsMenuLink active={exports} />
      <SettingsMenuLink active={settings} />
    </nav>
  );
}
