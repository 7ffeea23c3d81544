/**
 * "Check repository": choose how deep `borg check` goes, then start it as a job whose progress shows
 * on the repository screen like any other job.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

// The depths offered; the catalog's checkModes say what each does, in borg check's own terms
// (borg 1.2 docs: --repository-only, --verify-data).
const MODES: readonly CheckModeName[] = ['repository', 'archives', 'verify-data'];

/** A small dialog that starts `borg check`. */
export function CheckRepositoryDialog({ repoId, repoName, onClose }: CheckRepositoryDialogProps) {
  const { t } = useTranslation('repositories');
  const [mode, setMode] = useState<CheckModeName>('repository');
  const [findLost, setFindLost] = useState(false);
  const canFindLost = useAppStore(
    (s) => s.status?.borg.state === 'ok' && s.status.borg.features.findLostArchives,
  );
  // borg reads the archive list only beyond the repository-only check.
  const findLostArchives = canFindLost && mode !== 'repository' && findLost;
  const check = useAction('repos:check', { fallback: t('check.failed'), onSuccess: onClose });
  const { pending: busy, error } = check;
  return (
    <Dialog
      title={t('check.title', { name: repoName })}
      size="small"
      onClose={onClose}
      busy={busy}
      onSubmit={() => check.run({ repoId, mode, ...(findLostArchives ? { findLostArchives } : {}) })}
      footer={<DialogFooter onClose={onClose} busy={busy} submitLabel={t('check.submit')} />}
    >
      <Field label={t('check.modeLabel')} hint={t(`check.modes.${mode}.hint`)}>
        <select value={mode} onChange={(e) => setMode(e.target.value as CheckModeName)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`check.modes.${m}.label`)}
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
          <span>{mode === 'repository' ? t('check.findLostNeedsArchives') : t('check.findLost')}</span>
        </label>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
