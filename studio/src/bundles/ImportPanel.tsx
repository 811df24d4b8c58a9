import { useState } from 'react';
import { bundlesApi, type ImportResult, type SchemaBundle } from '../api/bundles.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { failureText } from '../designer/failure-text';
import { ChangeSummary } from '../designer/PlanReview';
import { toReview } from '../designer/use-module-change';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { ImportedSettings } from '../settings/ImportedSettings';

/** M7 import: upload a bundle, see the dry run per module (diff and storage plan), then apply it in one transaction. */
export function ImportPanel() {
  const { t, l } = useI18n();
  const notify = useNotify();
  const modules = useModules();
  const [bundle, setBundle] = useState<SchemaBundle | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function read(file: File | undefined) {
    setBundle(null);
    setResult(null);
    setError(null);
    if (!file) return;
    try {
      setBundle(JSON.parse(await file.text()) as SchemaBundle);
    } catch {
      setError(t('bundles.badFile'));
    }
  }

  async function run(dryRun: boolean) {
    if (!bundle) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await bundlesApi.import(bundle, dryRun);
      setResult(answer);
      if (!dryRun) {
        modules.reload();
        notify('ok', t('bundles.applied', { count: answer.modules.filter((m) => m.action !== 'unchanged').length }));
      }
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  const definitions = new Map((bundle?.modules ?? []).map((m) => [m.key, m]));
  return (
    <section className="panel" data-testid="import-panel">
      <h2>{t('bundles.import')}</h2>
      <p className="muted">{t('bundles.importHint')}</p>
      <label>
        {t('bundles.file')}
        <input type="file" accept="application/json,.json" onChange={(e) => void read(e.target.files?.[0])} data-testid="import-file" />
      </label>
      {bundle && Array.isArray(bundle.modules) && <p className="muted">{t('bundles.fromOperation', { operation: bundle.operation, count: bundle.modules.length })}</p>}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="button" disabled={!bundle || busy} onClick={() => void run(true)} data-testid="import-dry-run">
          {t('bundles.dryRun')}
        </button>
        <button type="button" className="primary" disabled={!bundle || busy || !result?.dryRun} onClick={() => void run(false)} data-testid="import-apply">
          {t('bundles.apply')}
        </button>
      </div>
      {result && (
        <div className="import-result" data-testid="import-result">
          <h3>{result.dryRun ? t('bundles.preview') : t('bundles.result')}</h3>
          {result.upgradedFrom !== undefined && <p className="muted">{t('bundles.upgraded', { from: result.upgradedFrom })}</p>}
          {result.modules.map((change) => {
            const after = definitions.get(change.key);
            const before = modules.byKey.get(change.key);
            return (
              <details key={change.key} open={change.action !== 'unchanged'} data-module={change.key} data-action={change.action}>
                <summary>
                  <strong>{after ? l(after.names.plural) : change.key}</strong> — {t(`bundles.action.${change.action}` as MessageKey)}
                </summary>
                {change.action !== 'unchanged' && <ChangeSummary data={toReview(change)} before={before} after={after} />}
              </details>
            );
          })}
          <ImportedSettings changes={result.settings} />
        </div>
      )}
    </section>
  );
}
