import { type Dispatch, useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { ApiFailure } from '../api/api-error';
import { type ImportMode, importsApi } from '../api/imports.api';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { jobPayload, modeProblem, type WizardAction, type WizardState } from './import-wizard.state';
import { mappedFields } from './mapping-edits';

const MODES: ImportMode[] = ['insert', 'update', 'upsert'];

/** Step 5: insert, update by key or both; the key fields; skipping duplicates; then "Confirmar" starts the job. */
export function ModeStep({ definition, state, dispatch }: { definition: ModuleDefinition; state: WizardState; dispatch: Dispatch<WizardAction> }) {
  const { t, l } = useI18n();
  const [error, setError] = useState<string | null>(null);
  // Another import of the module is queued or running: the server names it.
  const [running, setRunning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mapped = mappedFields(state.mapping ?? []).flatMap((key) => definition.fields.filter((f) => f.key === key));
  const problem = modeProblem(state);
  const payload = jobPayload(state, definition.key, false);

  async function confirm() {
    if (!payload) return;
    setBusy(true);
    setError(null);
    setRunning(null);
    try {
      dispatch({ type: 'started', jobId: (await importsApi.start(payload)).id });
    } catch (failure) {
      setError(failureText(failure, l));
      if (failure instanceof ApiFailure && failure.code === 'job_exclusive' && typeof failure.body.jobId === 'string') setRunning(failure.body.jobId);
    } finally {
      setBusy(false);
    }
  }

  const toggleKey = (key: string, on: boolean) => dispatch({ type: 'keyFields', keyFields: on ? [...state.keyFields, key] : state.keyFields.filter((k) => k !== key) });
  return (
    <div className="import-mode" data-testid="import-mode">
      <fieldset>
        {MODES.map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="import-mode" value={mode} checked={state.mode === mode} onChange={() => dispatch({ type: 'mode', mode })} data-testid={`mode-${mode}`} />
            {t(`imports.mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="key-fields">
        <legend>{t('imports.mode.keyFields')}</legend>
        <p className="muted small">{t('imports.mode.keyHint')}</p>
        <div className="key-fields">
          {mapped.map((field) => (
            <label key={field.key} className="check">
              <input type="checkbox" checked={state.keyFields.includes(field.key)} onChange={(e) => toggleKey(field.key, e.target.checked)} value={field.key} />
              {l(field.label)}
            </label>
          ))}
        </div>
        {problem && <p className="error">{t('imports.mode.keyFieldsRequired')}</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={state.skipDuplicates} onChange={(e) => dispatch({ type: 'skipDuplicates', skipDuplicates: e.target.checked })} data-testid="skip-duplicates" />
        {t('imports.mode.skipDuplicates')}
      </label>
      {state.mode !== 'insert' && <p className="muted">{t('imports.mode.backupHint')}</p>}
      {error && (
        <p className="error" role="alert" data-testid="confirm-error">
          {error}
          {running && (
            <button type="button" className="link" onClick={() => dispatch({ type: 'started', jobId: running })} data-testid="open-running">
              {t('imports.openRunning')}
            </button>
          )}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy || !payload || problem !== null} onClick={() => void confirm()} data-testid="confirm-import">
          {t('imports.confirm')}
        </button>
      </div>
    </div>
  );
}
