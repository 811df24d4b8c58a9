import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import type { ApiRecord, ModuleDefinition } from '../api/types';
import { useNotify } from '../app/notices';
import { useRoleModule } from '../definition/use-role-module';
import { useI18n } from '../i18n/i18n';
import { settingsApi, type TipificacionNode } from '../api/settings.api';
import { saveTipificacion } from './tipificar';

/** The tipificación tree of the record's module (settings section `tipificaciones`); choosing a leaf saves it. */
export function TipificarDialog(props: { definition: ModuleDefinition; record: ApiRecord; onRecord(record: ApiRecord): void; onDone(): void; onClose(): void }) {
  const { definition, record, onRecord, onDone, onClose } = props;
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  const activities = useRoleModule('activities');
  const [tree, setTree] = useState<TipificacionNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    settingsApi.get('tipificaciones').then(
      (view) => setTree(view.value[definition.key] ?? []),
      (failure: ApiFailure) => setError(l(failure.text)),
    );
  }, [definition.key]);

  async function choose(trail: TipificacionNode[]) {
    const path = trail.map((n) => n.label[lang] || n.label.es).join(' › ');
    setBusy(true);
    setError(null);
    try {
      await saveTipificacion(definition, record, path, t('tipificar.subject', { path }), activities, onRecord);
      notify('ok', t('tipificar.saved', { path }));
      onDone();
    } catch (failure) {
      setError(l((failure as ApiFailure).text));
    } finally {
      setBusy(false);
    }
  }

  const render = (nodes: TipificacionNode[], trail: TipificacionNode[]) => (
    <ul className="tipificar-tree">
      {nodes.map((node) => (
        <li key={node.key}>
          {node.children?.length ? (
            <>
              <strong>{node.label[lang] || node.label.es}</strong>
              {render(node.children, [...trail, node])}
            </>
          ) : (
            <button type="button" className="link" disabled={busy} onClick={() => void choose([...trail, node])} data-testid={`tipificar-${node.key}`}>
              {node.label[lang] || node.label.es}
            </button>
          )}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog small" role="dialog" aria-modal="true" aria-label={t('tipificar.title')} data-testid="tipificar-dialog">
        <h2>{t('tipificar.title')}</h2>
        {tree === null && !error && <p className="muted">{t('shell.loading')}</p>}
        {tree?.length === 0 && <p className="muted">{t('tipificar.empty')}</p>}
        {tree && tree.length > 0 && render(tree, [])}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="view-head">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('tipificar.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
