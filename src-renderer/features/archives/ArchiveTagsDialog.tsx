/**
 * Tags of one archive (borg 2's `borg tag`): the current tags with a remove button each, a field to
 * add more, and one borg run on Save with what was added and removed. Borg writes the archive anew
 * (a new id), so edits are collected here and sent together, and the archive list reloads afterwards.
 */
import { useState } from 'react';
import { checkArchiveTag } from '../../../src-main/model/archive.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
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
  const setArchiveTags = useReposStore((s) => s.setArchiveTags);
  const [current, setCurrent] = useState<readonly string[]>(tags);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const add = current.filter((t) => !tags.includes(t));
  const remove = tags.filter((t) => !current.includes(t));
  const save = useAction(() => setArchiveTags({ repoId, archiveName, archiveId, add, remove }), {
    fallback: 'The tags could not be saved.',
    onSuccess: onClose,
  });
  const addTag = (): void => {
    const tag = text.trim();
    const why =
      checkArchiveTag(tag) ?? (current.includes(tag) ? 'The archive has this tag already.' : undefined);
    setProblem(why);
    if (why !== undefined) return;
    setCurrent([...current, tag].sort());
    setText('');
  };
  const unchanged = add.length === 0 && remove.length === 0;
  return (
    <Dialog
      title="Archive tags"
      description={
        <>
          Archive <strong className="archive-name">{archiveName}</strong>. Tags help find archives; the files
          stay as they are.
        </>
      }
      size="small"
      onClose={onClose}
      onSubmit={() => {
        if (!unchanged && !save.pending) save.run();
      }}
      busy={save.pending}
      footer={<DialogFooter onClose={onClose} busy={save.pending} submitLabel="Save tags" />}
    >
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <ul className={styles.tagList} aria-label="Tags">
        {current.length === 0 ? <li className="muted">No tags yet.</li> : null}
        {current.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <Button
              size="small"
              variant="ghost"
              icon="x"
              aria-label={`Remove tag ${tag}`}
              onClick={() => setCurrent(current.filter((t) => t !== tag))}
            />
          </li>
        ))}
      </ul>
      <div className={styles.addRow}>
        <Field label="New tag" error={problem} hint="One word: no spaces or commas.">
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
        <Button onClick={addTag}>Add tag</Button>
      </div>
    </Dialog>
  );
}
