import { useState } from 'react';
import { useModules } from '../app/modules.context';
import { useRoleModule } from '../definition/use-role-module';
import { useI18n } from '../i18n/i18n';
import { SaveBar } from './SaveBar';
import { TipificacionTree } from './TipificacionTree';
import { newNode } from './tree-edits';
import { useSection } from './use-section';

/** Tipificación trees, one per module, used by the record's Tipificar button. */
export function TipificacionesSettings() {
  const { t, l } = useI18n();
  const { list } = useModules();
  const state = useSection('tipificaciones');
  // Cases are what agents classify most; any module may have a tree.
  const cases = useRoleModule('cases');
  const [chosen, setModule] = useState<string | null>(null);
  const module = chosen ?? cases?.key ?? list[0]?.key ?? '';
  if (!state.draft) return state.error ? <p className="error">{state.error}</p> : <p className="muted">{t('custom.loading')}</p>;
  const trees = state.draft;
  const nodes = trees[module] ?? [];
  const setNodes = (next: typeof nodes) => {
    const copy = { ...trees };
    if (next.length) copy[module] = next;
    else delete copy[module];
    state.setDraft(copy);
  };
  return (
    <section className="panel" data-testid="tipificaciones">
      <p className="muted">{t('custom.tree.help')}</p>
      <label className="inline">
        {t('custom.module')}
        <select value={module} onChange={(e) => setModule(e.target.value)} data-testid="tree-module">
          {list.map((m) => (
            <option key={m.key} value={m.key}>
              {l(m.names.plural)}
              {trees[m.key]?.length ? ` (${trees[m.key].length})` : ''}
            </option>
          ))}
        </select>
      </label>
      {nodes.length === 0 ? <p className="muted">{t('custom.tree.empty')}</p> : <TipificacionTree nodes={nodes} onChange={setNodes} />}
      <div className="row-actions">
        <button type="button" data-testid="tree-add-root" onClick={() => setNodes([...nodes, newNode(nodes, t('custom.tree.newNode'))])}>
          {t('custom.tree.addRoot')}
        </button>
      </div>
      <SaveBar state={state} />
    </section>
  );
}
