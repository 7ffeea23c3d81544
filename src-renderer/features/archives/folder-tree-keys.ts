/**
 * Keyboard behaviour of the folder tree, after the WAI-ARIA tree view pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): Up/Down move, Right expands or enters,
 * Left collapses or goes to the parent, Home/End jump, Enter selects.
 */
import type { TreeRow } from './folder-tree-state.js';

/** What a key press asks for; `none` lets the browser handle the key. */
export type TreeKeyEffect =
  | { readonly kind: 'none' }
  | { readonly kind: 'focus'; readonly index: number }
  | { readonly kind: 'expand'; readonly path: string }
  | { readonly kind: 'collapse'; readonly path: string }
  | { readonly kind: 'activate'; readonly row: TreeRow };

const none: TreeKeyEffect = { kind: 'none' };

/** The index of the row's parent folder (the nearest earlier row one level up). */
export function parentIndex(rows: readonly TreeRow[], index: number): number | undefined {
  const level = rows[index]?.level ?? 1;
  for (let i = index - 1; i >= 0; i -= 1) if ((rows[i]?.level ?? 0) < level) return i;
  return undefined;
}

/** The effect of `key` pressed on row `index`. */
export function treeKeyEffect(rows: readonly TreeRow[], index: number, key: string): TreeKeyEffect {
  const row = rows[index];
  if (!row) return rows.length > 0 ? { kind: 'focus', index: 0 } : none;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: Math.min(rows.length - 1, index + 1) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(0, index - 1) };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (row.kind !== 'folder' || !row.expandable) return none;
      if (!row.expanded) return { kind: 'expand', path: row.path };
      // Expanded: step into the first child once it is there.
      return (rows[index + 1]?.level ?? 0) > row.level ? { kind: 'focus', index: index + 1 } : none;
    case 'ArrowLeft': {
      if (row.kind === 'folder' && row.expanded) return { kind: 'collapse', path: row.path };
      const parent = parentIndex(rows, index);
      return parent === undefined ? none : { kind: 'focus', index: parent };
    }
    case 'Enter':
    case ' ':
      return { kind: 'activate', row };
    default:
      return none;
  }
}
