/**
 * The changes between two archives as a virtualized grid: path, change category and details, so a
 * diff of 100,000 paths scrolls as smoothly as one of ten.
 */
import type { DiffItem } from '../../../src-main/model/archive.js';
import { useVirtualWindow } from '../archives/virtual-window.js';
import { describeItem } from './diff-format.js';

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
        className="diff-row"
        style={{ transform: `translateY(${win.rowTop(index)}px)` }}
      >
        <div role="gridcell" className="cell diff-path" title={item.path}>
          <span className="diff-folder">{folderPart(item.path)}</span>
          <span className="diff-name">{item.path.slice(item.path.lastIndexOf('/') + 1)}</span>
        </div>
        <div role="gridcell" className="cell diff-change">
          <span className={`diff-badge diff-${item.category}`}>{item.category}</span>
        </div>
        <div role="gridcell" className="cell diff-details" title={describeItem(item)}>
          {describeItem(item)}
        </div>
      </div>,
    );
  }
  return (
    <div
      ref={win.viewportRef}
      onScroll={win.onScroll}
      className="diff-grid"
      role="grid"
      aria-label="Changes"
      aria-rowcount={items.length + 1}
      tabIndex={0}
    >
      <div role="rowgroup" className="diff-head">
        <div role="row" aria-rowindex={1} className="diff-row diff-head-row">
          <div role="columnheader" className="cell diff-path">
            Path
          </div>
          <div role="columnheader" className="cell diff-change">
            Change
          </div>
          <div role="columnheader" className="cell diff-details">
            Details
          </div>
        </div>
      </div>
      <div role="rowgroup" className="diff-body" style={{ height: win.totalHeight }}>
        {rows}
      </div>
      {items.length === 0 ? <p className="entry-empty muted">No changes match.</p> : null}
    </div>
  );
}
