/**
 * Rename an archive (`borg rename`) or edit its comment (`borg recreate --comment`, which rewrites
 * only the archive's metadata): one text field, checked with the same rules the core applies before
 * borg runs, and the archive list reloaded afterwards.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { archiveCommentProblem } from '../../../src-main/model/archive-info.js';
import { renamedArchiveNameProblem } from '../../../src-main/model/archive-name.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { inputProblemTextOf } from '../../lib/core-words/input-problem.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';

/** Which edit, of which archive. */
export interface ArchiveTextDialogProps {
  readonly kind: 'rename' | 'comment';
  readonly repoId: string;
  readonly archiveName: string;
  /** The archive's id: what tells borg 2's archives of one name apart. */
  readonly archiveId?: string;
  /** The current comment (comment edits). */
  readonly comment?: string | undefined;
  readonly onClose: () => void;
}

/** The dialog behind an archive's "Rename…" and "Comment…". */
export function ArchiveTextDialog(props: ArchiveTextDialogProps) {
  const { kind, repoId, archiveName, archiveId, comment, onClose } = props;
  const { t } = useTranslation('archives');
  const renameArchive = useReposStore((s) => s.renameArchive);
  const setArchiveComment = useReposStore((s) => s.setArchiveComment);
  const renaming = kind === 'rename';
  const [text, setText] = useState(renaming ? archiveName : (comment ?? ''));
  const problem = renaming
    ? text === archiveName
      ? t('text.typeNewName')
      : inputProblemTextOf(renamedArchiveNameProblem(text))
    : inputProblemTextOf(archiveCommentProblem(text));
  const [attempted, setAttempted] = useState(false);
  const save = useAction(
    () =>
      renaming
        ? renameArchive({ repoId, archiveName, archiveId, newName: text })
        : setArchiveComment({ repoId, archiveName, archiveId, comment: text.trim() }),
    {
      fallback: renaming ? t('text.couldNotRename') : t('text.couldNotSaveComment'),
      onSuccess: onClose,
    },
  );
  const submit = (): void => {
    setAttempted(true);
    if (problem === undefined && !save.pending) save.run();
  };
  return (
    <Dialog
      title={renaming ? t('text.renameTitle') : t('text.commentTitle')}
      description={
        <Trans
          t={t}
          i18nKey={renaming ? 'text.renameDescription' : 'text.commentDescription'}
          values={{ name: archiveName }}
          components={{ name: <strong className="archive-name" translate="no" /> }}
        />
      }
      size="small"
      onClose={onClose}
      onSubmit={submit}
      busy={save.pending}
      footer={
        <DialogFooter
          onClose={onClose}
          busy={save.pending}
          submitLabel={renaming ? t('text.rename') : t('text.saveComment')}
        />
      }
    >
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <Field
        label={renaming ? t('text.newName') : t('text.comment')}
        error={attempted ? problem : undefined}
        hint={renaming ? t('text.renameHint') : t('text.commentHint')}
      >
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={!renaming}
        />
      </Field>
    </Dialog>
  );
}
