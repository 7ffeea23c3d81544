/** Depth-first visits of whole subtrees of a TreeColumns, without recursion (trees can be deep). */
import { TYPE_DIR } from './item-fields.js';
import type { TreeColumns } from './tree-columns.js';
import { joinPath, pathOf } from './tree-entries.js';

/**
 * Visits each root and everything below it, parents before children. Root 0 (the archive root)
 * itself is not visited. Paths are built only when `withPaths` is set (otherwise '' is passed).
 */
export function visitSubtrees(
  c: TreeColumns,
  roots: readonly number[],
  visit: (entry: number, path: string) => void,
  withPaths = false,
): void {
  if (!withPaths && roots.includes(0)) {
    for (let i = 1; i < c.count; i++) visit(i, '');
    return;
  }
  const stack: number[] = [];
  const paths: string[] = [];
  for (const root of roots) {
    const rootPath = withPaths ? pathOf(c, root) : '';
    if (root === 0) pushChildren(c, 0, rootPath, stack, paths, withPaths);
    else {
      stack.push(root);
      paths.push(rootPath);
    }
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const path = paths.pop() as string;
      visit(i, path);
      if (c.type[i] === TYPE_DIR) pushChildren(c, i, path, stack, paths, withPaths);
    }
  }
}

function pushChildren(
  c: TreeColumns,
  dir: number,
  dirPath: string,
  stack: number[],
  paths: string[],
  withPaths: boolean,
): void {
  const from = stack.length;
  for (let k = c.firstChild[dir] as number; k >= 0; k = c.nextSibling[k] as number) {
    stack.push(k);
    paths.push(withPaths ? joinPath(dirPath, c.nameOf(k)) : '');
  }
  // Reverse the pushed run so children pop in list order.
  for (let a = from, b = stack.length - 1; a < b; a++, b--) {
    [stack[a], stack[b]] = [stack[b] as number, stack[a] as number];
    [paths[a], paths[b]] = [paths[b] as string, paths[a] as string];
  }
}
