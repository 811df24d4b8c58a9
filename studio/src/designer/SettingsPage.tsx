import { BundlesPage } from '../bundles/BundlesPage';
import { OutboxPage } from '../mail/OutboxPage';
import { useI18n } from '../i18n/i18n';
import { paths, type SettingsPage as Page } from '../app/router';
import { ModuleDesigner } from './ModuleDesigner';
import { ModuleList } from './ModuleList';
import { NewModulePage } from './NewModulePage';
import { SettingsNav } from './SettingsNav';
import { useRights } from './profile-rights';
import './designer.css';

/** Personalizar: the settings screens beside their own small menu. */
export function SettingsPage({ page }: { page: Page }) {
  const { t } = useI18n();
  const rights = useRights();
  if (!rights.loaded) return <p className="muted">{t('shell.loading')}</p>;
  return (
    <div className="settings">
      <SettingsNav
        links={[
          { path: paths.modules(), label: t('settings.modules'), active: page.page !== 'schema' && page.page !== 'outbox', testId: 'settings-modules' },
          { path: paths.customize(), label: t('custom.nav'), active: false, testId: 'settings-custom' },
          { path: paths.schema(), label: t('settings.schema'), active: page.page === 'schema', testId: 'settings-schema' },
          { path: paths.outbox(), label: t('mail.nav'), active: page.page === 'outbox', testId: 'settings-outbox' },
        ]}
      />
      <div className="settings-body">
        {page.page === 'modules' && <ModuleList />}
        {page.page === 'newModule' && <NewModulePage />}
        {page.page === 'module' && <ModuleDesigner key={page.key} moduleKey={page.key} tab={page.tab} aiAllowed={rights.aiAssistant} />}
        {page.page === 'schema' && <BundlesPage />}
        {page.page === 'outbox' && <OutboxPage />}
      </div>
    </div>
  );
}
