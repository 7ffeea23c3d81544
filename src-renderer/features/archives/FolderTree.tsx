/**
 * The archive's folders as a collapsible tree beside the list, like a file manager's sidebar.
 * Sub-folders are read when a folder is expanded; choosing a folder shows it in the list, and the
 * folder the list shows is expanded to and highlighted here.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveRef } from '../../../src-main/model/archive.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { treeKeyEffect } from './folder-tree-keys.js';
import { visibleRows, type TreeRow } from './folder-tree-state.js';
import { useFolderTree } from './use-folder-tree.js';
import sharedStyles from './archives.module.css';
import styles from './FolderTree.module.css';

/** Props of {@link FolderTree}. */
export interface FolderTreeProps {
  readonly archive: ArchiveRef;
  /** The folder the list shows. */
  readonly path: string;
  readonly stamp: string;
  /** Shows a folder in the list (the browser's own navigation). */
  readonly onNavigate: (path: string) => void;
}

const rowKey = (row: TreeRow): string => `${row.kind}:${row.path}`;

/** The folder tree. */
export function FolderTree({ archive, path, stamp, onNavigate }: FolderTreeProps) {
  const { t } = useTranslation('archives');
  const [state, dispatch] = useFolderTree(archive, path, stamp);
  const rootName = t('breadcrumbs.root');
  const rows = useMemo(() => visibleRows(state, rootName), [state, rootName]);
  const [focusKey, setFocusKey] = useState(`folder:${path}`);
  const items = useRef(new Map<string, HTMLDivElement>());
  const focusIndex = Math.max(
    0,
    rows.findIndex((row) => rowKey(row) === focusKey),
  );

  // Following the list: the shown folder becomes the tree's current item once its row exists.
  const selectedKey = `folder:${path}`;
  const selectedShown = rows.some((row) => rowKey(row) === selectedKey);
  useEffect(() => {
    if (!selectedShown) return;
    setFocusKey(selectedKey);
    items.current.get(selectedKey)?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey, selectedShown]);

  const moveFocus = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    setFocusKey(rowKey(row));
    items.current.get(rowKey(row))?.focus();
  };
  const activate = (row: TreeRow): void => {
    if (row.kind === 'more') dispatch({ type: 'show-more', path: row.path });
    else onNavigate(row.path);
  };
  const toggle = (row: TreeRow): void => {
    if (row.kind !== 'folder' || !row.expandable) return;
    dispatch({ type: row.expanded ? 'collapse' : 'expand', path: row.path });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const effect = treeKeyEffect(rows, focusIndex, event.key);
    if (effect.kind === 'none') return;
    event.preventDefault();
    if (effect.kind === 'focus') moveFocus(effect.index);
    else if (effect.kind === 'activate') activate(effect.row);
    else dispatch({ type: effect.kind, path: effect.path });
  };

  return (
    <div className={sharedStyles.folderTree} role="tree" aria-label={t('tree.label')} onKeyDown={onKeyDown}>
      {rows.map((row, index) => {
        const key = rowKey(row);
        const common = {
          ref: (el: HTMLDivElement | null) => {
            if (el) items.current.set(key, el);
            else items.current.delete(key);
          },
          role: 'treeitem',
          tabIndex: index === focusIndex ? 0 : -1,
          'aria-level': row.level,
          'aria-setsize': row.setSize,
          'aria-posinset': row.position,
          style: { paddingLeft: `${6 + (row.level - 1) * 12}px` },
          onFocus: () => setFocusKey(key),
        };
        if (row.kind === 'more') {
          return (
            <div
              key={key}
              {...common}
              className={`${styles.treeItem} ${styles.treeMore}`}
              title={t('tree.moreFolders', { count: row.hidden, folders: formatCount(row.hidden) })}
              onClick={() => activate(row)}
            >
              <span className={styles.treeChevron} aria-hidden="true" />
              <span className={styles.treeName}>{t('tree.showMore')}</span>
            </div>
          );
        }
        const selected = row.path === path;
        return (
          <div
            key={key}
            {...common}
            className={selected ? `${styles.treeItem} ${styles.selected}` : styles.treeItem}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={selected}
            aria-busy={row.loading || undefined}
            title={row.error ?? (row.path === '' ? undefined : row.path)}
            // Folder names and paths are data; only the root's name comes from the catalog.
            translate={row.path === '' ? undefined : 'no'}
            onClick={() => activate(row)}
          >
            <span
              className={styles.treeChevron}
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                toggle(row);
              }}
            >
              {row.expandable ? (
                <Icon name={row.expanded ? 'chevronDown' : 'chevronRight'} size={14} />
              ) : null}
            </span>
            <Icon name={row.path === '' ? 'archive' : 'folder'} size={15} className={styles.treeIcon} />
            <span className={styles.treeName}>{row.name}</span>
            {row.loading ? <span className={styles.treeNote}>…</span> : null}
            {row.error ? <Icon name="alert" size={13} className={styles.treeError} /> : null}
          </div>
        );
      })}
    </div>
  );
}
