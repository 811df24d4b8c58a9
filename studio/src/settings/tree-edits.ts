import { keyFromLabel } from './option-edits';
import type { TipificacionNode } from '../api/settings.api';

/** A node's place in the tree: indices from the roots down. */
export type TreePath = number[];

/** The tree with the node at `path` replaced by `change(node)`; `null` removes it. Pure, so React sees new arrays. */
export function updateAt(nodes: TipificacionNode[], path: TreePath, change: (node: TipificacionNode) => TipificacionNode | null): TipificacionNode[] {
  const [head, ...rest] = path;
  return nodes.flatMap((node, index) => {
    if (index !== head) return [node];
    if (rest.length === 0) {
      const next = change(node);
      return next ? [next] : [];
    }
    const children = updateAt(node.children ?? [], rest, change);
    return [{ ...node, children: children.length ? children : undefined }];
  });
}

/**
 * A new node named `label` at the end of `siblings`, with a key not used beside it.
 * The English name starts empty: readers fall back to Spanish until an admin translates it.
 */
export function newNode(siblings: TipificacionNode[], label: string): TipificacionNode {
  return {
    key: keyFromLabel(
      label,
      siblings.map((n) => n.key),
    ),
    label: { es: label, en: '' },
  };
}

export function addChild(nodes: TipificacionNode[], path: TreePath, label: string): TipificacionNode[] {
  return updateAt(nodes, path, (node) => ({ ...node, children: [...(node.children ?? []), newNode(node.children ?? [], label)] }));
}
