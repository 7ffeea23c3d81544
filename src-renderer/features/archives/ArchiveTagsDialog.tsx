/**
 * Tags of one archive (borg 2's `borg tag`): the current tags with a remove button each, a field to
 * add more, and one borg run on Save with what was added and removed. Borg writes the archive anew
 * (a new id), so edits are collected here and sent together, and the archive list reloads afterwards.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { archiveTagProblem } from '../../../src-main/model/archive.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { inputProblemText } from '../../lib/core-words/input-problem.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import styles from './ArchiveTagsDialog.module.css';

/** Which archive, with its tags now. */
export interface ArchiveTagsDialogProps {
  readonly repoId: string;
  readonly archiveName: string;
  readonly archiveId: string;
  readonly tags: readonly string[];
  readonly onClose: () => void;
}

/** The dialog behind an archive's "Tags…". */
export function ArchiveTagsDialog({ repoId, archiveName, archiveId, tags, onClose }: ArchiveTagsDialogProps) {
  const { t } = useTranslation('archives');
  const setArchiveTags = useReposStore((s) => s.setArchiveTags);
  const [current, setCurrent] = useState<readonly string[]>(tags);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const add = current.filter((tag) => !tags.includes(tag));
  const remove = tags.filter((tag) => !current.includes(tag));
  const save = useAction(() => setArchiveTags({ repoId, archiveName, archiveId, add, remove }), {
    fallback: t('tags.couldNotSave'),
    onSuccess: onClose,
  });
  const addTag = (): void => {
    const tag = text.trim();
    const tagProblem = archiveTagProblem(tag);
    const why =
      tagProblem !== undefined
        ? inputProblemText(tagProblem)
        : current.includes(tag)
          ? t('tags.alreadyThere')
          : undefined;
    setProblem(why);
    if (why !== undefined) return;
    setCurrent([...current, tag].sort());
    setText('');
  };
  const unchanged = add.length === 0 && remove.length === 0;
  return (
    <Dialog
      title={t('tags.title')}
      description={
        <Trans
          t={t}
          i18nKey="tags.description"
          values={{ name: archiveName }}
          components={{ name: <strong className="archive-name" translate="no" /> }}
        />
      }
      size="small"
      onClose={onClose}
      onSubmit={() => {
        if (!unchanged && !save.pending) save.run();
      }}
      busy={save.pending}
      footer={<DialogFooter onClose={onClose} busy={save.pending} submitLabel={t('tags.save')} />}
    >
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <ul className={styles.tagList} aria-label={t('tags.listLabel')}>
        {current.length === 0 ? <li className="muted">{t('tags.none')}</li> : null}
        {current.map((tag) => (
          <li key={tag} className="chip">
            <span translate="no">{tag}</span>
            <Button
              size="small"
              variant="ghost"
              icon="x"
              aria-label={t('tags.remove', { tag })}
              onClick={() => setCurrent(current.filter((other) => other !== tag))}
            />
          </li>
        ))}
      </ul>
      <div className={styles.addRow}>
        <Field label={t('tags.newTag')} error={problem} hint={t('tags.newTagHint')}>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTag();
              }
            }}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Button onClick={addTag}>{t('tags.add')}</Button>
      </div>
    </Dialog>
  );
}
