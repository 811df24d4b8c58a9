import { useState } from 'react';
import { useModules } from '../app/modules.context';
import { useI18n } from '../i18n/i18n';
import { isSelect } from './option-edits';
import { OptionsEditor } from './OptionsEditor';

/** Any picklist of any module: choose the module, then the field (the editor lists the module's picklists). */
export function PicklistsSettings() {
  const { t, l } = useI18n();
  const { list } = useModules();
  const withPicklists = list.filter((m) => m.fields.some(isSelect));
  const [module, setModule] = useState(withPicklists[0]?.key ?? '');
  return (
    <>
      <label className="inline">
        {t('custom.module')}
        <select value={module} onChange={(e) => setModule(e.target.value)} data-testid="picklist-module">
          {withPicklists.map((m) => (
            <option key={m.key} value={m.key}>
              {l(m.names.plural)}
            </option>
          ))}
        </select>
      </label>
      {module && <OptionsEditor key={module} module={module} testId="picklist-options" />}
    </>
  );
}
