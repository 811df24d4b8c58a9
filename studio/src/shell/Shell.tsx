import { lazy, Suspense, useEffect } from 'react';
import { authApi } from '../api/auth.api';
import { ModulesProvider, useModules } from '../app/modules.context';
import { matchRoute, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { KanbanView } from '../kanban/KanbanView';
import { Reminders } from '../activities/Reminders';
import { TableView } from '../table/TableView';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';
import { UserBadge } from './UserBadge';

// The form (react-jsonschema-form and ajv) loads on the first record opened, so the list screens start light.
const RecordPage = lazy(() => import('../form/RecordPage').then((m) => ({ default: m.RecordPage })));
// The designer and schema bundles are admin screens: they load only when opened.
const SettingsPage = lazy(() => import('../designer/SettingsPage').then((m) => ({ default: m.SettingsPage })));
// The import screens are opened now and then, by whoever loads data: they load when opened.
const ImportWizard = lazy(() => import('../imports/ImportWizard').then((m) => ({ default: m.ImportWizard })));
const ImportHistoryPage = lazy(() => import('../imports/ImportHistoryPage').then((m) => ({ default: m.ImportHistoryPage })));
const BackupsPage = lazy(() => import('../imports/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const DeletionsPage = lazy(() => import('../mass-delete/DeletionsPage').then((m) => ({ default: m.DeletionsPage })));
const DuplicatesPage = lazy(() => import('../merges/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
const ExportsPage = lazy(() => import('../exports/ExportsPage').then((m) => ({ default: m.ExportsPage })));
// Dashboards draw with ECharts and react-grid-layout: they load only when opened.
const DashboardsPage = lazy(() => import('../dashboards/DashboardsPage').then((m) => ({ default: m.DashboardsPage })));
const DashboardPage = lazy(() => import('../dashboards/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const CustomizePage = lazy(() => import('../settings/CustomizePage').then((m) => ({ default: m.CustomizePage })));

function Content() {
  const { path, search } = useLocation();
  const { byKey, loaded, error } = useModules();
  const { t, l } = useI18n();
  const route = matchRoute(path, search);
  if (!loaded) return <p className="muted">{t('shell.loading')}</p>;
  if (error) return <p className="error">{l(error.text)}</p>;
  if (route.name === 'home') return <p className="muted home-hint">{t('shell.home')}</p>;
  if (route.name === 'exports') {
    return (
      <Suspense fallback={<p className="muted">{t('shell.loading')}</p>}>
        <ExportsPage download={route.download} token={route.token} />
      </Suspense>
    );
  }
  if (route.name === 'customize') {
    return (
      <Suspense fallback={<p className="muted">{t('shell.loading')}</p>}>
        <CustomizePage section={route.section} />
      </Suspense>
    );
  }
  if (route.name === 'settings') {
    return (
      <Suspense fallback={<p className="muted">{t('shell.loading')}</p>}>
        <SettingsPage page={route.page} />
      </Suspense>
    );
  }
  if (route.name === 'dashboards' || route.name === 'dashboard') {
    return <Suspense fallback={<p className="muted">{t('shell.loading')}</p>}>{route.name === 'dashboards' ? <DashboardsPage /> : <DashboardPage key={route.id ?? 'new'} id={route.id} />}</Suspense>;
  }
  const definition = byKey.get(route.module);
  if (!definition) return <p className="error">{t('record.notFound')}</p>;
  switch (route.name) {
    case 'table':
      return <TableView key={`${definition.key}?${search.get('filter') ?? ''}`} definition={definition} />;
    case 'kanban':
      return <KanbanView key={definition.key} definition={definition} />;
    case 'import':
    case 'importHistory':
    case 'backups':
    case 'deletions':
    case 'duplicates': {
      const Page = { import: ImportWizard, importHistory: ImportHistoryPage, backups: BackupsPage, deletions: DeletionsPage, duplicates: DuplicatesPage }[route.name];
      return (
        <Suspense fallback={<p className="muted">{t('shell.loading')}</p>}>
          <Page key={definition.key} definition={definition} />
        </Suspense>
      );
    }
    case 'record':
      return (
        <Suspense fallback={<p className="muted">{t('shell.loading')}</p>}>
          <RecordPage key={`${definition.key}/${route.id ?? 'new'}`} definition={definition} id={route.id} tab={route.tab} />
        </Suspense>
      );
  }
}

function CurrentModule() {
  const { path, search } = useLocation();
  const route = matchRoute(path, search);
  const settings = route.name === 'settings' || route.name === 'customize';
  const dashboards = route.name === 'dashboards' || route.name === 'dashboard';
  return (
    <SideMenu
      current={route.name === 'home' || route.name === 'exports' || settings || dashboards ? null : route.module}
      settings={settings}
      exports={route.name === 'exports'}
      dashboards={dashboards}
    />
  );
}

/** The signed-in frame: menu on the left, user and language on top, the route's view in the middle. */
export function Shell() {
  const { t, lang } = useI18n();
  // The server writes this user's e-mails in the Studio's language; a failed sync only leaves the previous one.
  useEffect(() => {
    authApi.setLanguage(lang).catch(() => undefined);
  }, [lang]);
  return (
    <ModulesProvider>
      <div className="shell">
        <CurrentModule />
        <div className="main">
          <header className="top-bar">
            <span className="brand">{t('app.name')}</span>
            <span className="spacer" />
            <LanguageSwitch />
            <UserBadge />
          </header>
          <main className="content">
            <Content />
          </main>
          <Reminders />
        </div>
      </div>
    </ModulesProvider>
  );
}
