/**
 * The virtualized archive grid (`role="grid"`): a sticky header whose columns sort, and only the rows
 * in view rendered at a fixed height. Arrow keys, Page Up/Down, Home and End move the active row,
 * Enter opens it, Space ticks it and Backspace goes up a folder.
 */
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ArchiveEntry, EntrySort } from '../../../src-main/model/archive.js';
import { Icon } from '../../components/Icon.js';
import { EntryRow, LoadingRow, type GridVariant } from './EntryRow.js';
import { coveringPath, type Selection } from './selection.js';
import { useVirtualWindow, type RowRange } from './virtual-window.js';
import sharedStyles from './archives.module.css';
import styles from './EntryGrid.module.css';

/** Height of one row in pixels (must match `.entry-row` in archives.module.css). */
export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 36;

/** Props of {@link EntryGrid}. */
export interface EntryGridProps {
  readonly label: string;
  readonly variant: GridVariant;
  readonly count: number;
  readonly entryAt: (index: number) => ArchiveEntry | undefined;
  readonly onRange: (range: RowRange) => void;
  readonly sort?: EntrySort;
  readonly onSort?: (key: EntrySort['key']) => void;
  readonly selection: Selection;
  readonly onToggle: (entry: ArchiveEntry, checked: boolean) => void;
  readonly onOpen: (entry: ArchiveEntry) => void;
  readonly onUp?: () => void;
  readonly onVersions: (entry: ArchiveEntry) => void;
  readonly onSaveCopy: (entry: ArchiveEntry) => void;
  readonly highlightPath?: string;
  /** Scroll to (and activate) a row; a new `id` repeats the request. */
  readonly scrollTo?: { readonly index: number; readonly id: number };
  /** The header's tick box ("select all in this folder"). */
  readonly selectAll?: ReactNode;
  /** Shown instead of rows when the list is empty. */
  readonly empty?: ReactNode;
  /** A single click opens the row (search results reveal on click). */
  readonly openOnClick?: boolean;
  /**
   * Carries focus from this grid to the next one its parent mounts in its place (a new folder is a
   * new grid): set when this grid goes while it has focus, taken by the next grid on mount.
   */
  readonly focusHandoff?: MutableRefObject<boolean>;
}

interface Column {
  readonly label: string;
  readonly className: string | undefined;
  readonly sortKey?: EntrySort['key'];
}

function columnsOf(variant: GridVariant, t: TFunction<'archives'>): readonly Column[] {
  if (variant === 'search') {
    return [
      { label: t('grid.name'), className: sharedStyles.cellName },
      { label: t('grid.folder'), className: sharedStyles.cellFolder },
      { label: t('grid.size'), className: sharedStyles.cellSize },
      { label: t('grid.modified'), className: sharedStyles.cellMtime },
    ];
  }
  return [
    { label: t('grid.name'), className: sharedStyles.cellName, sortKey: 'name' },
    { label: t('grid.size'), className: sharedStyles.cellSize, sortKey: 'size' },
    { label: t('grid.modified'), className: sharedStyles.cellMtime, sortKey: 'mtime' },
    { label: t('grid.mode'), className: sharedStyles.cellMode },
    { label: t('grid.owner'), className: sharedStyles.cellOwner },
  ];
}

/** A windowed grid of archive entries. */
export function EntryGrid(props: EntryGridProps) {
  const { label, variant, count, entryAt, onRange, sort, onSort, selection, scrollTo } = props;
  const { t } = useTranslation('archives');
  const gridId = useId();
  const gridRef = useRef<HTMLDivElement | null>(null);
  const win = useVirtualWindow(count, ROW_HEIGHT, HEADER_HEIGHT);
  const [active, setActive] = useState(0);
  const { first, last } = win.range;
  const rowId = (index: number): string => `${gridId}-row-${index}`;

  useEffect(() => onRange({ first, last }), [first, last, onRange]);

  const { focusHandoff } = props;
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (focusHandoff?.current) {
      focusHandoff.current = false;
      grid?.focus({ preventScroll: true });
    }
    return () => {
      // Runs before the grid leaves the page, so focus is still where the user left it.
      if (focusHandoff && grid?.contains(document.activeElement)) focusHandoff.current = true;
    };
  }, [focusHandoff]);

  const { scrollToIndex } = win;
  const scrollId = scrollTo?.id;
  useEffect(() => {
    if (scrollTo === undefined) return;
    setActive(scrollTo.index);
    scrollToIndex(scrollTo.index, 'center');
    gridRef.current?.focus({ preventScroll: true });
    // Only a new request scrolls; the index alone may repeat.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollId, scrollToIndex]);

  const setRefs = useCallback(
    (element: HTMLDivElement | null) => {
      gridRef.current = element;
      win.viewportRef(element);
    },
    // viewportRef is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const move = (index: number): void => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    scrollToIndex(next);
  };
  // Rows are memoised: their click handler must stay stable while it still sees the latest props.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const activate = useCallback((index: number) => {
    setActive(index);
    gridRef.current?.focus({ preventScroll: true });
    const entry = latest.current.entryAt(index);
    if (latest.current.openOnClick && entry) latest.current.onOpen(entry);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Keys typed into a tick box or button inside a row belong to that control.
    if (event.target !== event.currentTarget) return;
    const entry = entryAt(active);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => (event.altKey ? props.onUp?.() : move(active - 1)),
      PageDown: () => move(active + win.pageRows),
      PageUp: () => move(active - win.pageRows),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => entry && props.onOpen(entry),
      ' ': () => entry && props.onToggle(entry, coveringPath(selection, entry.path) === undefined),
      Backspace: () => props.onUp?.(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index += 1) {
    const entry = entryAt(index);
    const top = win.rowTop(index);
    rows.push(
      entry ? (
        <EntryRow
          key={index}
          id={rowId(index)}
          index={index}
          top={top}
          variant={variant}
          entry={entry}
          coveredBy={coveringPath(selection, entry.path)}
          active={index === active}
          highlighted={entry.path === props.highlightPath}
          onActivate={activate}
          onOpen={props.onOpen}
          onToggle={props.onToggle}
          onVersions={props.onVersions}
          onSaveCopy={props.onSaveCopy}
        />
      ) : (
        <LoadingRow key={index} index={index} top={top} />
      ),
    );
  }

  return (
    <div
      ref={setRefs}
      className={`virtual-grid ${sharedStyles.entryGrid} ${sharedStyles[`entry-grid-${variant}`]}`}
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-multiselectable="true"
      aria-activedescendant={count > 0 && active >= first && active < last ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={win.onScroll}
    >
      <div role="rowgroup" className="virtual-grid-head">
        <div role="row" aria-rowindex={1} className={sharedStyles.entryRow}>
          <div role="columnheader" className={`cell ${sharedStyles.cellCheck}`}>
            {props.selectAll}
          </div>
          {columnsOf(variant, t).map((column) => (
            <div
              key={column.label}
              role="columnheader"
              className={`cell ${column.className}`}
              aria-sort={
                column.sortKey && sort?.key === column.sortKey
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {column.sortKey && onSort ? (
                <button
                  type="button"
                  className={`plain-button ${styles.sortButton}`}
                  onClick={() => onSort(column.sortKey ?? 'name')}
                >
                  {column.label}
                  {sort?.key === column.sortKey ? (
                    <Icon name={sort.direction === 'asc' ? 'chevronUp' : 'chevronDown'} size={13} />
                  ) : null}
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
          <div role="columnheader" className={`cell ${sharedStyles.cellActions}`}>
            <span className="visually-hidden">{t('grid.actions')}</span>
          </div>
        </div>
      </div>
      <div
        role="rowgroup"
        className={`virtual-grid-body ${sharedStyles.entryBody}`}
        style={{ height: win.totalHeight }}
      >
        {rows}
      </div>
      {count === 0 && props.empty ? <div className="entry-empty">{props.empty}</div> : null}
    </div>
  );
}
