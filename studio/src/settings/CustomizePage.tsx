import type { ReactNode } from 'react';
import { type CustomizeSection, CUSTOMIZE_SECTIONS, paths } from '../app/router';
import { useRights } from '../designer/profile-rights';
import { SettingsNav } from '../designer/SettingsNav';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { EmailTemplatesSettings } from './EmailTemplatesSettings';
import { OptionsEditor } from './OptionsEditor';
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
  return (
    <div className="settings customize">
      <SettingsNav
        links={[
          { path: paths.modules(), label: t('settings.modules'), active: false, testId: 'settings-modules' },
          ...CUSTOMIZE_SECTIONS.map((s) => ({ path: paths.customize(s), label: t(TITLES[s]), active: s === section, testId: `custom-${s}` })),
          { path: paths.schema(), label: t('settings.schema'), active: false, testId: 'settings-schema' },
        ]}
      />
      <div className="settings-body">
        <h1>{t(TITLES[section])}</h1>
        {body(section)}
      </div>
    </div>
  );
}
