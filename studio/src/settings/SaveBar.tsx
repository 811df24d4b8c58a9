import { useI18n } from '../i18n/i18n';
import type { SectionState } from './use-section';
import type { ServerSection } from '../api/settings.api';

/** Version, errors from the server and Save / Discard, shared by the settings sections stored outside modules. */
export function SaveBar<S extends ServerSection>({ state }: { state: SectionState<S> }) {
  const { t, locale } = useI18n();
  const { view } = state;
  return (
    <>
      {state.error && (
        <div className="error" role="alert" data-testid="settings-error">
          <p>{state.error}</p>
          {state.issues.length > 0 && (
            <ul>
              {state.issues.map((issue, i) => (
                <li key={i}>
                  {issue.path && <code>{issue.path}</code>} {issue.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="row-actions">
        <button type="button" className="primary" data-testid="settings-save" disabled={!state.dirty || state.saving} onClick={() => void state.save()}>
          {state.saving ? t('custom.saving') : t('custom.save')}
        </button>
        <button type="button" disabled={!state.dirty || state.saving} onClick={state.discard}>
          {t('custom.discard')}
        </button>
        <span className="muted small" data-testid="settings-version">
          {view && view.version > 0 ? `${t('custom.version', { version: view.version })} · ${new Date(view.updatedAt ?? '').toLocaleString(locale)}` : t('custom.neverSaved')}
        </span>
      </div>
    </>
  );
}
