import { navigate } from '../app/router';
import { BundlesPage } from '../bundles/BundlesPage';
import { useI18n } from '../i18n/i18n';
import { customizePath } from '../settings/settings-routes';
import { type SettingsPage as Page, settingsPaths } from './designer-routes';
import { ModuleDesigner } from './ModuleDesigner';
import { ModuleList } from './ModuleList';
import { NewModulePage } from './NewModulePage';
import { useRights } from './profile-rights';
import './designer.css';

/** Personalizar: the settings screens beside their own small menu. */
export function SettingsPage({ page }: { page: Page }) {
  const { t } = useI18n();
  const rights = useRights();
  if (!rights.loaded) return <p className="muted">{t('shell.loading')}</p>;
  const link = (path: string, label: string, active: boolean, testId: string) => (
    <a
      href={path}
      className={active ? 'active' : undefined}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {label}
    </a>
  );
  return (
    <div className="settings">
      <nav className="settings-nav" aria-label={t('settings.title')}>
        <h2>{t('settings.title')}</h2>
        {link(settingsPaths.modules(), t('settings.modules'), page.page !== 'schema', 'settings-modules')}
        {link(customizePath(), t('custom.nav'), false, 'settings-custom')}
        {link(settingsPaths.schema(), t('settings.schema'), page.page === 'schema', 'settings-schema')}
      </nav>
      <div className="settings-body">
        {page.page === 'modules' && <ModuleList />}
        {page.page === 'newModule' && <NewModulePage />}
        {page.page === 'module' && <ModuleDesigner key={page.key} moduleKey={page.key} tab={page.tab} aiAllowed={rights.aiAssistant} />}
        {page.page === 'schema' && <BundlesPage />}
      </div>
    </div>
  );
}
