import type { ReactNode } from 'react';
import { type FieldRole, type ModuleRole, roleField } from '@crm/engine';
import { type CustomizeSection, CUSTOMIZE_SECTIONS, paths } from '../app/router';
import { useRoleModule } from '../definition/use-role-module';
import { useRights } from '../designer/profile-rights';
import { SettingsNav } from '../designer/SettingsNav';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { EmailTemplatesSettings } from './EmailTemplatesSettings';
import type { OptionFact } from './option-edits';
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

/** A picklist found by role (the case types of the module with role `cases`…); its facts live in the options' `data`. */
function RoleOptionsEditor(props: { role: ModuleRole; field: FieldRole; fact: OptionFact; testId: string }) {
  const { t } = useI18n();
  const module = useRoleModule(props.role);
  const field = module && roleField(module, props.field);
  if (!module || !field) return <p className="muted">{t('custom.noRoleModule')}</p>;
  return <OptionsEditor module={module.key} field={field.key} fact={props.fact} testId={props.testId} />;
}

function body(section: CustomizeSection): ReactNode {
  switch (section) {
    case 'picklists':
      return <PicklistsSettings />;
    case 'caseTypes':
      return <RoleOptionsEditor role="cases" field="caseType" fact={{ key: 'prefix', kind: 'text' }} testId="case-types" />;
    case 'priorities':
      return <RoleOptionsEditor role="cases" field="priority" fact={{ key: 'resolutionHours', kind: 'number' }} testId="priorities" />;
    case 'phases':
      return <RoleOptionsEditor role="opportunities" field="phase" fact={{ key: 'probability', kind: 'number' }} testId="phases" />;
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
          { path: paths.outbox(), label: t('mail.nav'), active: false, testId: 'settings-outbox' },
        ]}
      />
      <div className="settings-body">
        <h1>{t(TITLES[section])}</h1>
        {body(section)}
      </div>
    </div>
  );
}
