/**
 * "Check repository": choose how deep `borg check` goes, then start it as a job whose progress shows
 * on the repository screen like any other job.
 */
import { useState } from 'react';
import type { CheckModeName } from '../../../src-main/model/check.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';

/** Props of {@link CheckRepositoryDialog}. */
export interface CheckRepositoryDialogProps {
  readonly repoId: string;
  readonly repoName: string;
  readonly onClose: () => void;
}

// What each depth does, in borg check's own terms (borg 1.2 docs: --repository-only, --verify-data).
const modes: readonly { readonly value: CheckModeName; readonly label: string; readonly hint: string }[] = [
  {
    value: 'repository',
    label: 'Repository only — quick',
    hint: 'Checks the segment files and index for consistency (borg check --repository-only).',
  },
  {
    value: 'archives',
    label: 'Repository and archives',
    hint: 'Also checks each archive’s metadata and that every chunk it names exists.',
  },
  {
    value: 'verify-data',
    label: 'Verify all data — slow',
    hint: 'Reads and decrypts every chunk to prove the data is intact (borg check --verify-data).',
  },
];

/** A small dialog that starts `borg check`. */
export function CheckRepositoryDialog({ repoId, repoName, onClose }: CheckRepositoryDialogProps) {
  const [mode, setMode] = useState<CheckModeName>('repository');
  const [findLost, setFindLost] = useState(false);
  const canFindLost = useAppStore(
    (s) => s.status?.borg.state === 'ok' && s.status.borg.features.findLostArchives,
  );
  // borg reads the archive list only beyond the repository-only check.
  const findLostArchives = canFindLost && mode !== 'repository' && findLost;
  const check = useAction('repos:check', { fallback: 'The check could not be started.', onSuccess: onClose });
  const { pending: busy, error } = check;
  return (
    <Dialog
      title={`Check ${repoName}`}
      size="small"
      onClose={onClose}
      busy={busy}
      onSubmit={() => check.run({ repoId, mode, ...(findLostArchives ? { findLostArchives } : {}) })}
      footer={<DialogFooter onClose={onClose} busy={busy} submitLabel={'Start check'} />}
    >
      <Field label="Check mode" hint={modes.find((m) => m.value === mode)?.hint}>
        <select value={mode} onChange={(e) => setMode(e.target.value as CheckModeName)}>
          {modes.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </Field>
      {canFindLost ? (
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={findLostArchives}
            disabled={mode === 'repository'}
            onChange={(e) => setFindLost(e.target.checked)}
          />
          <span>
            Also find lost archives: looks through the repository for archives that are missing from its
            archive list (borg check --find-lost-archives)
            {mode === 'repository' ? ' — needs a check of the archives' : ''}. Any it finds are listed as
            problems; Borgdesk doesn’t repair.
          </span>
        </label>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
