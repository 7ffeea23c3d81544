/**
 * The welcome screen's one action: create the repository, then start its first backup with the
 * proposed options, then show the repository with the backup running.
 */
import i18next from 'i18next';
import type { AppStatus } from '../../../src-main/model/app.js';
import { savePreset } from '../../lib/backup-presets.js';
import { encryptionModesOf } from '../../lib/encryption-choices.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { useReposStore } from '../../stores/repos-store.js';

/** What the welcome screen collected. */
export interface FirstBackupInput {
  readonly location: string;
  readonly passphrase: string;
  /** "Remember the passphrase on this computer". */
  readonly remember: boolean;
  readonly sources: readonly string[];
  readonly excludePatterns: readonly string[];
  readonly status: AppStatus;
}

/**
 * Creates the repository and starts the first backup. Rejects only if the repository could not be
 * created; if the backup cannot start, the backup dialog opens so the user sees why and can retry.
 */
export async function createAndBackUp(
  input: FirstBackupInput,
  onStep: (step: string) => void,
): Promise<void> {
  onStep(i18next.t('steps.creating', { ns: 'welcome' }));
  const repo = await useReposStore.getState().createRepository({
    // A default name the user can change, in the language of the day it was made. It is stored as
    // data, so never with the pseudo-locale's brackets (applyPostProcessor: false skips them).
    name: i18next.t('repositoryName', {
      ns: 'welcome',
      hostname: input.status.hostname,
      applyPostProcessor: false,
    }),
    location: input.location,
    // The recommended mode of the borg in use (borg 2 names its modes after the cipher).
    encryption: encryptionModesOf(input.status.borg)[0] ?? 'repokey-blake2',
    passphrase: input.passphrase,
    remember: input.remember,
  });
  const app = useAppStore.getState();
  const preset = {
    sourcePaths: input.sources,
    compression: app.settings?.defaultCompression ?? 'lz4',
    excludeCaches: true,
    excludePatterns: input.excludePatterns,
  } as const;
  savePreset(repo.id, preset);
  onStep(i18next.t('steps.starting', { ns: 'welcome' }));
  try {
    await useJobsStore.getState().startBackup({
      repoId: repo.id,
      sourcePaths: [...preset.sourcePaths],
      archiveName: input.status.defaults.archiveNameTemplate,
      compression: preset.compression,
      excludeCaches: true,
      excludePatterns: [...preset.excludePatterns],
    });
  } catch {
    app.openDialog({ kind: 'backup', repoId: repo.id });
  }
  app.selectRepository(repo.id);
  app.dismissWelcome();
}
