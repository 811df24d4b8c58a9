import { useState } from 'react';
import { designerApi } from '../api/designer.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { AiNewModule } from './AiNewModule';
import { failureText } from './failure-text';
import { type ModuleBasics, ModuleBasicsForm } from './ModuleBasicsForm';
import { useRights } from './profile-rights';

/** A new module: proposed by the AI assistant (when the profile has it) or made by hand, empty, then designed. */
export function NewModulePage() {
  const { t, l } = useI18n();
  const notify = useNotify();
  const { reload } = useModules();
  const rights = useRights();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function createEmpty(basics: ModuleBasics) {
    setBusy(true);
    setError(null);
    try {
      const created = await designerApi.create({ ...basics, version: 1, fields: [] });
      reload();
      notify('ok', t('module.created', { name: l(created.names.plural) }));
      navigate(paths.module(created.key));
    } catch (failure) {
      setError(failureText(failure, l));
      setBusy(false);
    }
  }

  return (
    <div className="new-module">
      <div className="view-head">
        <button type="button" className="link" onClick={() => navigate(paths.modules())}>
          ← {t('designer.back')}
        </button>
      </div>
      <h1>{t('designer.newModule')}</h1>
      {rights.aiAssistant && <AiNewModule />}
      {rights.loaded && (
        <>
          {rights.aiAssistant && <h2 className="or-heading">{t('module.createEmpty')}</h2>}
          <ModuleBasicsForm busy={busy} error={error} onSubmit={(basics) => void createEmpty(basics)} />
        </>
      )}
    </div>
  );
}
