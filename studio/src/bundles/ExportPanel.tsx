import { useState } from 'react';
import { bundlesApi } from '../api/bundles.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { downloadJson } from './download-json';

/** M7 export: the chosen modules as a versioned bundle file. */
export function ExportPanel() {
  const { t, l } = useI18n();
  const notify = useNotify();
  const { list } = useModules();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...list].sort((a, b) => l(a.names.plural).localeCompare(l(b.names.plural)));
  const all = chosen.size === list.length && list.length > 0;

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const bundle = await bundlesApi.export([...chosen]);
      const day = bundle.exportedAt.slice(0, 10);
      downloadJson(bundle, `esquema-${bundle.operation}-${day}.json`);
      notify('ok', t('bundles.downloaded', { count: bundle.modules.length }));
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="export-panel">
      <h2>{t('bundles.export')}</h2>
      <p className="muted">{t('bundles.exportHint')}</p>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setChosen(new Set(e.target.checked ? list.map((m) => m.key) : []))} data-testid="export-all" />
        {t('bundles.all')}
      </label>
      <div className="module-choices">
        {sorted.map((m) => (
          <label key={m.key} className="check" data-module={m.key}>
            <input
              type="checkbox"
              checked={chosen.has(m.key)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(m.key);
                else next.delete(m.key);
                setChosen(next);
              }}
            />
            {l(m.names.plural)}
          </label>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={() => void download()} data-testid="export-download">
        {t('bundles.download')}
      </button>
    </section>
  );
}
