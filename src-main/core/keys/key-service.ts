/**
 * The repository key and its passphrase: change the passphrase, export the key (file, paper, QR
 * page), import it (keyfile modes on a new computer), the recovery kit and its self-test. Every borg
 * run goes through the repository's lane. The passphrase never leaves the core; the exported key may
 * go to the renderer (it is encrypted by the passphrase) so the user can save or print it.
 */
import { buildChangePassphraseArgs, runChangePassphrase } from '../../borg/commands/key-change-passphrase.js';
import { buildKeyExportArgs, runKeyExport, type KeyExportFormat } from '../../borg/commands/key-export.js';
import { buildKeyImportArgs, runKeyImport, type KeyImportSource } from '../../borg/commands/key-import.js';
import type { BorgContext } from '../../borg/exec.js';
import { sshContextOf } from '../ssh/ssh-context.js';
import { parseKeyFileText } from '../../borg/key-blob.js';
import { borgKeysFolder } from '../../borg/keys-folder.js';
import { isKeyfileMode } from '../../model/encryption.js';
import type { RepositorySummary } from '../../model/repository.js';
import { AppError } from '../app-error.js';
import { recordNothing, type RecordOperation } from '../history/operation-record.js';
import { normalizeLocation } from '../repositories/location.js';
import { passphraseRequired, requireUsableLocation } from '../repositories/repository-rules.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import {
  repositoryContextFields,
  sshIdentityOf,
  type RepositoryContextFields,
} from '../repositories/repository-context.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import type { PassphraseKeeper } from '../secrets/passphrase-keeper.js';
import { buildRecoveryKit } from './recovery-kit.js';
import { runSelfTest, type SelfTestResult } from './self-test.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';

/** What the key service needs from the rest of the core. */
export interface KeyServiceDeps {
  readonly repos: RepositoryService;
  /** The passphrases held for this run (and their keychain copies). */
  readonly secrets: PassphraseKeeper;
  readonly borgPath: () => Promise<string>;
  /** The version of the borg in use (e.g. "1.2.4"): the kit's commands depend on it. */
  readonly borgVersion: () => Promise<string>;
  /** Runs a task in the lane of a location (borg locks per repository). */
  readonly runAt: <T>(location: string, task: () => Promise<T>) => Promise<T>;
  readonly shutdown: AbortSignal;
  readonly now: () => number;
  readonly homeDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's key commands (change passphrase, export, import) are recorded in the history. */
  readonly record?: RecordOperation;
  /** Borgdesk's known_hosts for borg's ssh. */
  readonly sshKnownHostsFile?: string;
}

/** An exported key as the renderer offers it for saving or printing. */
export interface ExportedKeyFile {
  readonly format: KeyExportFormat;
  readonly content: string;
  readonly fileName: string;
}

const EXPORT_NAMES: Readonly<Record<KeyExportFormat, string>> = {
  file: 'key.txt',
  paper: 'paper-key.txt',
  'qr-html': 'key.html',
};

// A file name from the repository name: letters, digits, dot, dash; nothing a file system trips on.
function fileStem(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'repository';
}

/** Implements the `keys:*` requests. */
export class KeyService {
  constructor(private readonly deps: KeyServiceDeps) {}

  /** `keys:change-passphrase`: borg first; the held passphrase is replaced only once borg succeeded. */
  async changePassphrase(p: {
    repoId: string;
    currentPassphrase?: string | undefined;
    newPassphrase: string;
  }): Promise<RepositorySummary> {
    const repo = this.encrypted(p.repoId);
    const current = p.currentPassphrase || this.deps.secrets.peek(repo.id);
    if (current === undefined || current === '') throw passphraseRequired(repo.name);
    if (p.newPassphrase === '') {
      throw new AppError('InvalidInput', 'The new passphrase is empty.', 'Choose a new passphrase.', {
        reason: 'newPassphraseEmpty',
      });
    }
    const ctx = await this.context(repo);
    const args = buildChangePassphraseArgs(repo, capabilitiesOf(ctx));
    const operation = {
      kind: 'change-passphrase' as const,
      repoId: repo.id,
      ...jobTitle('change-passphrase'),
      args,
      ctx,
    };
    await this.deps.runAt(repo.location, () =>
      this.record(operation, (recorded) =>
        runChangePassphrase(
          { location: repo.location, oldPassphrase: current, newPassphrase: p.newPassphrase },
          recorded,
        ),
      ),
    );
    // A repository that reads its passphrase from the user's command keeps doing so: the command
    // must now print the new one (the renderer says so); holding a copy here would hide that.
    if (repo.passcommand === undefined) await this.holdPassphrase(repo.id, p.newPassphrase);
    this.deps.repos.announceChange();
    return this.deps.repos.summarize(this.deps.repos.require(repo.id));
  }

  /** `keys:export`: the key in one of borg's forms; records when the key was last exported. */
  async exportKey(p: { repoId: string; format: KeyExportFormat }): Promise<ExportedKeyFile> {
    const repo = this.encrypted(p.repoId);
    const content = await this.exported(repo, p.format, this.record);
    await this.deps.repos.recordKeyExport(repo.id, new Date(this.deps.now()).toISOString());
    return { format: p.format, content, fileName: `${fileStem(repo.name)}-${EXPORT_NAMES[p.format]}` };
  }

  /**
   * `keys:import`: a key file's text or a typed paper key, for a stored keyfile repository or for a
   * location being added (its key is missing on this computer, so it cannot be added yet).
   */
  async importKey(p: {
    repoId?: string | undefined;
    location?: string | undefined;
    /** With `location`: the SSH key chosen for it (already checked usable). */
    sshKey?: string | undefined;
    source: KeyImportSource;
  }): Promise<{ imported: true }> {
    let location: string;
    let fields: RepositoryContextFields = {};
    if (p.repoId !== undefined) {
      const repo = this.encrypted(p.repoId);
      if (!isKeyfileMode(repo.encryption)) {
        throw new AppError(
          'InvalidInput',
          `“${repo.name}” keeps its key inside the repository, so there is nothing to import.`,
          'Import a key only for a keyfile repository opened on a new computer.',
          { reason: 'keepsKeyInsideRepository', params: { name: repo.name } },
        );
      }
      location = repo.location;
      fields = repositoryContextFields(repo);
    } else if (p.location !== undefined && p.location.trim() !== '') {
      location = normalizeLocation(p.location, this.deps.homeDir);
      requireUsableLocation({ name: location, location });
      fields = sshIdentityOf(p.sshKey);
    } else {
      throw new AppError('InvalidInput', 'Which repository is the key for?', 'Choose the repository first.', {
        reason: 'repositoryKey',
      });
    }
    const ctx = {
      ...{ ...(await this.borgTool()), signal: this.deps.shutdown, ...fields },
      ...sshContextOf(this.deps),
    };
    const options = { location, source: p.source };
    const operation = {
      ...{ kind: 'key-import' as const, repoId: p.repoId ?? '', ...jobTitle('key-import'), ctx },
      ...(p.repoId === undefined ? { repoName: location } : {}),
      args: buildKeyImportArgs(options, capabilitiesOf(ctx)),
    };
    await this.deps.runAt(location, () =>
      this.record(operation, (recorded) => runKeyImport(options, recorded)),
    );
    return { imported: true };
  }

  /** `keys:recovery-kit`: the printable page; records the export (the page carries the key). */
  async recoveryKit(p: { repoId: string }): Promise<{ html: string; fileName: string }> {
    const repo = this.encrypted(p.repoId);
    const file = parseKeyFileText(await this.exported(repo, 'file'));
    const paperKey = await this.exported(repo, 'paper');
    const printedAt = new Date(this.deps.now()).toISOString();
    const html = buildRecoveryKit({
      ...{ name: repo.name, location: repo.location, repositoryId: file.repositoryId, paperKey, printedAt },
      encryption: repo.encryption ?? 'encrypted',
      borgVersion: await this.deps.borgVersion(),
    });
    await this.deps.repos.recordKeyExport(repo.id, printedAt);
    return { html, fileName: `${fileStem(repo.name)}-recovery-kit.html` };
  }

  /** `keys:self-test`: proves an exported key (default: a fresh export) and the passphrase open the repository. */
  async selfTest(p: {
    repoId: string;
    passphrase?: string | undefined;
    keyText?: string | undefined;
  }): Promise<SelfTestResult> {
    const repo = this.encrypted(p.repoId);
    const passphrase = p.passphrase || this.deps.secrets.peek(repo.id);
    if (passphrase === undefined || passphrase === '') throw passphraseRequired(repo.name);
    const ctx = await this.context(repo);
    const currentText = await this.exported(repo, 'file');
    const current = parseKeyFileText(currentText);
    return this.deps.runAt(repo.location, () =>
      runSelfTest({
        ...{ location: repo.location, name: repo.name, ctx, passphrase },
        keyfile: isKeyfileMode(repo.encryption),
        repositoryId: current.repositoryId,
        keyText: p.keyText || currentText,
      }),
    );
  }

  /** `keys:folder`: where borg keeps keyfile-mode keys on this computer. */
  keysFolder(): { folder: string } {
    return { folder: borgKeysFolder(this.deps.env, this.deps.homeDir) };
  }

  // The one place a changed passphrase is held. If its keychain copy cannot be replaced, the old copy
  // is gone (it no longer works) and the user is told the new one lasts only until Borgdesk stops.
  private async holdPassphrase(repoId: string, passphrase: string): Promise<void> {
    if (await this.deps.repos.passphraseChanged(repoId, passphrase)) return;
    throw new AppError(
      'Internal',
      'The passphrase was changed, but Borgdesk could not remember the new one.',
      'Borgdesk holds it until it stops; unlock the repository with the new passphrase after that.',
      { reason: 'passphraseChangedBorgdeskRemember' },
    );
  }

  // Only the user's own export is recorded; the kit and the self-test export as one step of theirs.
  private async exported(
    repo: StoredRepository,
    format: KeyExportFormat,
    record: RecordOperation = recordNothing,
  ): Promise<string> {
    const ctx = await this.context(repo);
    const options = { location: repo.location, format };
    const operation = {
      kind: 'key-export' as const,
      repoId: repo.id,
      ...jobTitle('key-export', { format }),
      ctx,
    };
    return this.deps.runAt(repo.location, () =>
      record({ ...operation, args: buildKeyExportArgs(options, capabilitiesOf(ctx)) }, (recorded) =>
        runKeyExport(options, recorded),
      ),
    );
  }

  private get record(): RecordOperation {
    return this.deps.record ?? recordNothing;
  }

  // This service's borg path, with the capability table the repository service gives every context.
  private async borgTool(): Promise<Pick<BorgContext, 'borgPath' | 'capabilities'>> {
    const { capabilities } = await this.deps.repos.borgTool();
    const borgPath = await this.deps.borgPath();
    return capabilities === undefined ? { borgPath } : { borgPath, capabilities };
  }

  // No passphrase here: each command decides what it needs (export and import need none).
  private async context(repo: StoredRepository): Promise<BorgContext> {
    requireUsableLocation(repo);
    return {
      ...(await this.borgTool()),
      signal: this.deps.shutdown,
      ...repositoryContextFields(repo),
      ...sshContextOf(this.deps),
    };
  }

  private encrypted(repoId: string): StoredRepository {
    const repo = this.deps.repos.require(repoId);
    if (!repo.needsPassphrase) {
      throw new AppError(
        'InvalidInput',
        `“${repo.name}” is not encrypted, so it has no key or passphrase.`,
        'Keys and passphrases belong to encrypted repositories.',
        { reason: 'encryptedKeyPassphrase', params: { name: repo.name } },
      );
    }
    return repo;
  }
}
