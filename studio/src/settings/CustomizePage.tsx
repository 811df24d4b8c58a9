import type { ReactNode } from 'react';
import { navigate } from '../app/router';
import { settingsPaths } from '../designer/designer-routes';
import { useRights } from '../designer/profile-rights';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { EmailTemplatesSettings } from './EmailTemplatesSettings';
import { OptionsEditor } from './OptionsEditor';
import { type CustomizeSection, CUSTOMIZE_SECTIONS, customizePath } from './settings-routes';
import { TipificacionesSettings } from './TipificacionesSettings';
import { WebIntegrationSettings } from './WebIntegrationSettings';
import { PicklistsSettings } from './PicklistsSettings';
import '../designer/designer.css';
import './settings.css';

const TITLES: Record<CustomizeSection, MessageKey> = {
  picklists: 'custom.section.picklists',
  caseTypes: 'custom.section.caseTypes',
  priorities: 'custom.section.priorities',
  phases: 'custom.section.phases',
  tipificaciones: 'custom.section.tipificaciones',
  templates: 'custom.section.templates',
  webIntegration: 'custom.section.webIntegration',
};

// The catalog keeps these facts in the options' `data` (modules-catalog/casos and oportunidades).
function body(section: CustomizeSection): ReactNode {
  switch (section) {
    case 'picklists':
      return <PicklistsSettings />;
    case 'caseTypes':
      return <OptionsEditor module="casos" field="tipo" fact={{ key: 'prefix', kind: 'text' }} testId="case-types" />;
    case 'priorities':
      return <OptionsEditor module="casos" field="prioridad" fact={{ key: 'resolutionHours', kind: 'number' }} testId="priorities" />;
    case 'phases':
      return <OptionsEditor module="oportunidades" field="fase" fact={{ key: 'probability', kind: 'number' }} testId="phases" />;
    case 'tipificaciones':
      return <TipificacionesSettings />;
    case 'templates':
      return <EmailTemplatesSettings />;
    case 'webIntegration':
      return <WebIntegrationSettings />;
  }
}

/** Personalizar → the S4 settings: picklists and their facts, tipificaciones, e-mail templates, the web-integration link. */
export function CustomizePage({ section }: { section: CustomizeSection }) {
  const { t } = useI18n();
  const rights = useRights();
  if (!rights.loaded) return <p className="muted">{t('shell.loading')}</p>;
  const link = (path: string, label: string, active: boolean, testId: string) => (
    <a
      key={path}
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
    <div className="settings customize">
      <nav className="settings-nav" aria-label={t('settings.title')}>
        <h2>{t('settings.title')}</h2>
        {link(settingsPaths.modules(), t('settings.modules'), false, 'settings-modules')}
        {CUSTOMIZE_SECTIONS.map((s) => link(customizePath(s), t(TITLES[s]), s === section, `custom-${s}`))}
        {link(settingsPaths.schema(), t('settings.schema'), false, 'settings-schema')}
      </nav>
      <div className="settings-body">
        <h1>{t(TITLES[section])}</h1>
        {body(section)}
      </div>
    </div>
  );
}
