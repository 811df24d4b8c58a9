import { useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { designerApi, type ModuleDraft } from '../api/designer.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { DraftFields } from './DraftFields';
import { failureText } from './failure-text';
import { type ModuleBasics, ModuleBasicsForm } from './ModuleBasicsForm';
import { NotUnderstood } from './NotUnderstood';
import { ChangeSummary } from './PlanReview';

/**
 * S2 for a new module: "Generar" proposes the fields, every further prompt
 * refines the same draft, "Crear formulario" asks for the names and icon and creates it.
 */
export function AiNewModule() {
  const { t, l } = useI18n();
  const notify = useNotify();
  const { reload } = useModules();
  const [prompt, setPrompt] = useState('');
  const [draft, setDraft] = useState<ModuleDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  async function generate() {
    setBusy(true);
    setError(null);
    try {
      const answer = await designerApi.draft({ prompt, ...(draft && { draft: draft.definition }) });
      setDraft(answer);
      setPrompt('');
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  async function create(basics: ModuleBasics) {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const definition: ModuleDefinition = { ...draft.definition, ...basics, version: 1 };
      const created = await designerApi.create(definition);
      reload();
      notify('ok', t('module.created', { name: l(created.names.plural) }));
      navigate(paths.module(created.key));
    } catch (failure) {
      setError(failureText(failure, l));
      setBusy(false);
    }
  }

  return (
    <section className="ai-assistant panel" data-testid="ai-new-module">
      <h2>{t('ai.title')}</h2>
      <p className="muted">{t('ai.newHint')}</p>
      <form
        className="prompt-box"
        onSubmit={(e) => {
          e.preventDefault();
          if (prompt.trim()) void generate();
        }}
      >
        <textarea name="prompt" aria-label={t('ai.prompt')} rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy || !prompt.trim()} data-testid="ai-generate">
            {busy && !asking ? t('ai.thinking') : draft ? t('ai.refine') : t('ai.generate')}
          </button>
          {draft && (
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setAsking(false);
              }}
            >
              {t('ai.discard')}
            </button>
          )}
        </div>
      </form>
      {error && !asking && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {draft && (
        <div className="ai-draft" data-testid="ai-draft">
          <NotUnderstood parts={draft.notUnderstood} />
          <h3>
            {t('ai.proposal')}: {l(draft.definition.names.plural)}
          </h3>
          <DraftFields fields={draft.definition.fields} />
          <details>
            <summary>{t('review.storage')}</summary>
            <ChangeSummary data={{ operations: draft.diff, steps: draft.plan.steps }} after={draft.definition} />
          </details>
          <p className="muted small">{t('ai.provider', { provider: draft.provider })}</p>
          {!asking ? (
            <button type="button" className="primary" onClick={() => setAsking(true)} data-testid="ai-create-form">
              {t('ai.createForm')}
            </button>
          ) : (
            <ModuleBasicsForm
              key={draft.definition.key}
              initial={{ names: draft.definition.names, icon: draft.definition.icon }}
              busy={busy}
              error={error}
              onSubmit={(basics) => void create(basics)}
              onCancel={() => setAsking(false)}
            />
          )}
        </div>
      )}
    </section>
  );
}
