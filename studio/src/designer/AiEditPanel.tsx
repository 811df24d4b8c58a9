import { useState } from 'react';
import { applyDiff, type ModuleDefinition } from '@crm/engine';
import { designerApi, type ModuleDraft } from '../api/designer.api';
import { useI18n } from '../i18n/i18n';
import { describeOperation } from './diff-words';
import { failureText } from './failure-text';
import { NotUnderstood } from './NotUnderstood';

interface Props {
  stored: ModuleDefinition;
  hasPending: boolean;
  /** Hands the definition built from the kept operations to the designer's plan → review → apply. */
  onReview(definition: ModuleDefinition): void;
}

/**
 * "Editar módulo con IA" (S2): a prompt becomes a diff against the stored
 * module, shown as operations the admin may untick; the kept ones are
 * replayed on the stored definition with the engine's applyDiff.
 */
export function AiEditPanel({ stored, hasPending, onReview }: Props) {
  const i18n = useI18n();
  const { t, l } = i18n;
  const [prompt, setPrompt] = useState('');
  const [draft, setDraft] = useState<ModuleDraft | null>(null);
  const [kept, setKept] = useState<boolean[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function propose() {
    setBusy(true);
    setError(null);
    try {
      // A second prompt refines the proposal still on screen.
      const answer = await designerApi.draft({ prompt, module: stored.key, ...(draft && { draft: draft.definition }) });
      setDraft(answer);
      setKept(answer.diff.map(() => true));
      setPrompt('');
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  function review() {
    if (!draft) return;
    const operations = draft.diff.filter((_, i) => kept[i]);
    try {
      onReview({ ...applyDiff(stored, operations), version: stored.version });
    } catch (failure) {
      // E.g. a kept "change option" of a field whose "add field" was unticked.
      setError(t('ai.cannotCombine', { reason: failure instanceof Error ? failure.message : String(failure) }));
    }
  }

  return (
    <section className="ai-assistant panel" data-testid="ai-edit">
      <h2>{t('designer.tab.ai')}</h2>
      <p className="muted">{t('ai.editHint')}</p>
      {hasPending && <p className="muted small">{t('ai.unsavedIgnored')}</p>}
      <form
        className="prompt-box"
        onSubmit={(e) => {
          e.preventDefault();
          if (prompt.trim()) void propose();
        }}
      >
        <textarea name="prompt" aria-label={t('ai.prompt')} rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy || !prompt.trim()} data-testid="ai-propose">
            {busy ? t('ai.thinking') : draft ? t('ai.refine') : t('ai.propose')}
          </button>
          {draft && (
            <button type="button" onClick={() => setDraft(null)}>
              {t('ai.discard')}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {draft && (
        <div className="ai-draft">
          <NotUnderstood parts={draft.notUnderstood} />
          <h3>{t('ai.operations')}</h3>
          <p className="muted small">{t('ai.operationsHint')}</p>
          <ul className="operation-list" data-testid="ai-operations">
            {draft.diff.map((op, index) => (
              <li key={index} data-op={op.op} data-key={'key' in op ? op.key : 'field' in op ? op.field.key : ''}>
                <label className="check">
                  <input type="checkbox" checked={kept[index] ?? false} onChange={(e) => setKept(kept.map((k, i) => (i === index ? e.target.checked : k)))} />
                  {describeOperation(op, stored, draft.definition, i18n)}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('ai.provider', { provider: draft.provider })}</p>
          <button type="button" className="primary" disabled={!kept.some(Boolean)} onClick={review} data-testid="ai-review">
            {kept.some(Boolean) ? t('ai.reviewSelected') : t('ai.noneSelected')}
          </button>
        </div>
      )}
    </section>
  );
}
