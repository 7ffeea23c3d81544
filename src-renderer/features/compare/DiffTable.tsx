/**
 * The changes between two archives as a virtualized grid: path, change category and details, so a
 * diff of 100,000 paths scrolls as smoothly as one of ten.
 */
import { useTranslation } from 'react-i18next';
import type { DiffItem } from '../../../src-main/model/archive.js';
import { useVirtualWindow } from '../archives/virtual-window.js';
import { describeItem } from './diff-format.js';
import styles from './compare.module.css';

/** Props of {@link DiffTable}. */
export interface DiffTableProps {
  readonly items: readonly DiffItem[];
}

const ROW_HEIGHT = 34;

// The folder part keeps its trailing slash, so folder and name read as one path.
function folderPart(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}
const HEADER_HEIGHT = 36;

/** A windowed table of diff items. */
export function DiffTable({ items }: DiffTableProps) {
  const { t } = useTranslation('compare');
  const win = useVirtualWindow(items.length, ROW_HEIGHT, HEADER_HEIGHT);
  const rows = [];
  for (let index = win.range.first; index < win.range.last; index += 1) {
    const item = items[index];
    if (!item) continue;
    rows.push(
      <div
        key={`${index}:${item.path}`}
        role="row"
        aria-rowindex={index + 2}
        className={styles.diffRow}
        style={{ transform: `translateY(${win.rowTop(index)}px)` }}
      >
        <div role="gridcell" className={`cell ${styles.diffPath}`} title={item.path} translate="no">
          <span className={styles.diffFolder}>{folderPart(item.path)}</span>
          <span className={styles.diffName}>{item.path.slice(item.path.lastIndexOf('/') + 1)}</span>
        </div>
        <div role="gridcell" className="cell diff-change">
          <span className={`${styles.diffBadge} ${styles[`diff-${item.category}`]}`}>
            {t(`badge.${item.category}`)}
          </span>
        </div>
        <div role="gridcell" className={`cell ${styles.diffDetails}`} title={describeItem(item)}>
          {describeItem(item)}
        </div>
      </div>,
    );
  }
  return (
    <div
      ref={win.viewportRef}
      onScroll={win.onScroll}
      className="virtual-grid"
      role="grid"
      aria-label={t('changesAria')}
      aria-rowcount={items.length + 1}
      tabIndex={0}
    >
      <div role="rowgroup" className="virtual-grid-head">
        <div role="row" aria-rowindex={1} className={styles.diffRow}>
          <div role="columnheader" className={`cell ${styles.diffPath}`}>
            {t('columnPath')}
          </div>
          <div role="columnheader" className="cell diff-change">
            {t('columnChange')}
          </div>
          <div role="columnheader" className={`cell ${styles.diffDetails}`}>
            {t('columnDetails')}
          </div>
        </div>
      </div>
      <div
        role="rowgroup"
        className={`virtual-grid-body ${styles.diffBody}`}
        style={{ height: win.totalHeight }}
      >
        {rows}
      </div>
      {items.length === 0 ? <p className="entry-empty muted">{t('noMatch')}</p> : null}
    </div>
  );
}
