/**
 * The two tables of the "Why did it grow?" dialog: the folders that carry the growth (a click
 * drills into one) and the most grown files, each sortable by its size columns.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthFile, GrowthFolder } from '../../../src-main/model/archive-growth.js';
import { Icon } from '../../components/Icon.js';
import { formatBytes, formatCount, truncateMiddle } from '../../lib/format.js';
import { nextSort, pathWithin, signedBytes, sortRows, type GrowthSort } from './growth-view.js';
import styles from './GrowthDialog.module.css';

type FolderKey = 'grownBytes' | 'netBytes' | 'addedFiles';
type FileKey = 'deltaBytes' | 'size';

// Long archive paths keep both ends (the source folder and the name) in a dialog-wide table.
const PATH_LENGTH = 56;

interface SortHeaderProps<K extends string> {
  readonly label: string;
  readonly hint?: string;
  readonly column: K;
  readonly sort: GrowthSort<K>;
  readonly onSort: (sort: GrowthSort<K>) => void;
}

function SortHeader<K extends string>({ label, hint, column, sort, onSort }: SortHeaderProps<K>) {
  const active = sort.key === column;
  return (
    <th
      scope="col"
      className="right"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      title={hint}
    >
      <button
        type="button"
        className={`plain-button ${styles.sortButton}`}
        onClick={() => onSort(nextSort(sort, column))}
      >
        {label}
        {active ? <Icon name={sort.direction === 'asc' ? 'chevronUp' : 'chevronDown'} size={13} /> : null}
      </button>
    </th>
  );
}

/** Props of {@link GrowthFolders}. */
export interface GrowthFoldersProps {
  readonly folders: readonly GrowthFolder[];
  /** The folder the report covers; paths are shown below it. */
  readonly within: string;
  readonly onOpen: (path: string) => void;
}

/** The folders table (`aria-label={t('growth.foldersTable')}`). */
export function GrowthFolders({ folders, within, onOpen }: GrowthFoldersProps) {
  const { t } = useTranslation('archives');
  const [sort, setSort] = useState<GrowthSort<FolderKey>>({ key: 'grownBytes', direction: 'desc' });
  const rows = sortRows(folders, sort, (row, key) => row[key]);
  return (
    <table className={`table ${styles.growthTable}`} aria-label={t('growth.foldersTable')}>
      <thead>
        <tr>
          <th scope="col">{t('growth.folderColumn')}</th>
          <SortHeader
            label={t('growth.grown')}
            hint={t('growth.grownHint')}
            column="grownBytes"
            sort={sort}
            onSort={setSort}
          />
          <SortHeader label={t('growth.netChange')} column="netBytes" sort={sort} onSort={setSort} />
          <SortHeader
            label={t('growth.added')}
            hint={t('growth.addedHint')}
            column="addedFiles"
            sort={sort}
            onSort={setSort}
          />
          <th scope="col" className="right" title={t('growth.changedHint')}>
            {t('growth.changedColumn')}
          </th>
          <th scope="col" className="right" title={t('growth.removedHint')}>
            {t('growth.removedColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((folder) => (
          <tr key={folder.path}>
            <th scope="row" className={styles.pathCell}>
              <button
                type="button"
                className={`plain-button ${styles.folderButton}`}
                title={t('growth.showFolder', { path: folder.path })}
                onClick={() => onOpen(folder.path)}
              >
                <Icon name="folder" size={14} />
                <span translate="no">{truncateMiddle(pathWithin(folder.path, within), PATH_LENGTH)}</span>
              </button>
            </th>
            <td className="right num">+{formatBytes(folder.grownBytes)}</td>
            <td className="right num">{signedBytes(folder.netBytes)}</td>
            <td className="right num">{formatCount(folder.addedFiles)}</td>
            <td className="right num">{formatCount(folder.changedFiles)}</td>
            <td className="right num">{formatCount(folder.removedFiles)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Props of {@link GrowthFiles}. */
export interface GrowthFilesProps {
  readonly files: readonly GrowthFile[];
  readonly within: string;
}

/** The files table (`aria-label={t('growth.filesTable')}`). */
export function GrowthFiles({ files, within }: GrowthFilesProps) {
  const { t } = useTranslation('archives');
  const [sort, setSort] = useState<GrowthSort<FileKey>>({ key: 'deltaBytes', direction: 'desc' });
  const rows = sortRows(files, sort, (row, key) => row[key]);
  return (
    <table className={`table ${styles.growthTable}`} aria-label={t('growth.filesTable')}>
      <thead>
        <tr>
          <th scope="col">{t('growth.fileColumn')}</th>
          <th scope="col">{t('growth.changeColumn')}</th>
          <SortHeader label={t('growth.sizeChange')} column="deltaBytes" sort={sort} onSort={setSort} />
          <SortHeader label={t('growth.sizeNow')} column="size" sort={sort} onSort={setSort} />
        </tr>
      </thead>
      <tbody>
        {rows.map((file) => (
          <tr key={file.path}>
            <th scope="row" className={styles.pathCell} title={file.path} translate="no">
              {truncateMiddle(pathWithin(file.path, within), PATH_LENGTH)}
            </th>
            <td>
              {file.kind === 'added' ? (
                <span className="chip chip-ok">{t('growth.addedChip')}</span>
              ) : (
                <span
                  className="chip chip-changed"
                  title={
                    file.previousSize === undefined
                      ? undefined
                      : t('growth.was', { size: formatBytes(file.previousSize) })
                  }
                >
                  {t('growth.changedChip')}
                </span>
              )}
            </td>
            <td className="right num">{signedBytes(file.deltaBytes)}</td>
            <td className="right num">{formatBytes(file.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
