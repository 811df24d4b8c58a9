import { useI18n } from '../i18n/i18n';
import type { TipificacionNode } from '../api/settings.api';
import { addChild, type TreePath, updateAt } from './tree-edits';

interface Props {
  nodes: TipificacionNode[];
  path?: TreePath;
  onChange(nodes: TipificacionNode[]): void;
  /** The whole tree, which every edit rebuilds. */
  root?: TipificacionNode[];
}

/** A tipificación tree as nested lists: each node renamed in both languages, given sub-categories or removed. */
export function TipificacionTree({ nodes, path = [], onChange, root }: Props) {
  const { t } = useI18n();
  const whole = root ?? nodes;
  return (
    <ul className={path.length ? 'tree-children' : 'tree'}>
      {nodes.map((node, index) => {
        const at = [...path, index];
        const set = (next: Partial<TipificacionNode>) => onChange(updateAt(whole, at, (n) => ({ ...n, ...next })));
        return (
          <li key={`${node.key}-${index}`} data-node={node.key} data-depth={at.length}>
            <div className="tree-node">
              <input className="key" aria-label={t('custom.key')} data-testid="node-key" value={node.key} onChange={(e) => set({ key: e.target.value })} />
              <input aria-label={t('custom.labelEs')} data-testid="node-label-es" value={node.label.es} onChange={(e) => set({ label: { ...node.label, es: e.target.value } })} />
              <input aria-label={t('custom.labelEn')} placeholder={node.label.es} value={node.label.en} onChange={(e) => set({ label: { ...node.label, en: e.target.value } })} />
              <button type="button" className="icon" data-testid="node-add-child" onClick={() => onChange(addChild(whole, at, t('custom.tree.newNode')))}>
                {t('custom.tree.addChild')}
              </button>
              <button type="button" className="icon" onClick={() => onChange(updateAt(whole, at, () => null))}>
                {t('custom.remove')}
              </button>
            </div>
            {node.children && node.children.length > 0 && <TipificacionTree nodes={node.children} path={at} onChange={onChange} root={whole} />}
          </li>
        );
      })}
    </ul>
  );
}
