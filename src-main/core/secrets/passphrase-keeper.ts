/**
 * The core's copy of every accepted passphrase, in memory (so "unlocked" is known synchronously),
 * in front of the host's lasting SecretStore (keychain / Secret Service / nothing). It decides what
 * "remember" means here: stored only where the store lasts, and where the store wants an explicit
 * choice, only when the user made it. A store that fails never fails an unlock: the passphrase is
 * still held for this run, the failure becomes the store's `problem` in Settings, and the summary
 * says it is not remembered.
 */
import { rememberByDefault, type SecretStorage } from '../../model/secret-storage.js';
import type { SecretStore } from '../services.js';
import { log } from '../logging/log.js';

interface Held {
  readonly passphrase: string;
  /** True when the lasting store holds this passphrase too. */
  readonly stored: boolean;
}

/** How to hold a passphrase borg just accepted. */
export interface HoldOptions {
  /** The user's choice; absent: the store's default (on where it lasts and needs no consent). */
  readonly remember?: boolean | undefined;
  /** Labels the keychain entry ("Borgdesk: <name>"). */
  readonly repositoryName: string;
}

/** Holds passphrases for the app's lifetime and remembers them in the host's SecretStore. */
export class PassphraseKeeper {
  private readonly held = new Map<string, Held>();
  private problem: string | undefined;

  constructor(
    private readonly store: SecretStore,
    private readonly warn: (message: string) => void = (message) => log.warn(message),
  ) {}

  /** Where passphrases are kept, with the last failure of the store if it has none of its own. */
  storage(): SecretStorage {
    const described = this.store.describe();
    if (described.problem !== undefined || this.problem === undefined) return described;
    return { ...described, problem: this.problem };
  }

  /** Every passphrase held now, so the log can blank them out (core/logging/redacting-logger.ts). */
  heldPassphrases(): string[] {
    return [...this.held.values()].map((held) => held.passphrase);
  }

  /** Load the remembered passphrases of `repoIds` (at start), so scheduled runs need nobody to unlock. */
  async load(repoIds: readonly string[]): Promise<void> {
    if (!this.store.describe().persistent) return;
    await Promise.all(
      repoIds.map(async (repoId) => {
        try {
          const passphrase = await this.store.get(repoId);
          if (passphrase !== undefined && !this.held.has(repoId)) {
            this.held.set(repoId, { passphrase, stored: true });
          }
        } catch (error) {
          this.failed('could not read a remembered passphrase', error);
        }
      }),
    );
  }

  /** The passphrase held for `repoId` now, if any. */
  peek(repoId: string): string | undefined {
    return this.held.get(repoId)?.passphrase;
  }

  /** True when the lasting store holds the passphrase of `repoId`. */
  isStored(repoId: string): boolean {
    return this.held.get(repoId)?.stored === true;
  }

  /** Hold a passphrase borg accepted; remember it when asked (or by default) and the store lasts. */
  async hold(repoId: string, passphrase: string, options: HoldOptions): Promise<void> {
    const storage = this.store.describe();
    const remember = storage.persistent && (options.remember ?? rememberByDefault(storage));
    const wasStored = this.isStored(repoId);
    this.held.set(repoId, { passphrase, stored: false });
    if (remember) {
      await this.storeCopy(repoId, passphrase, options.repositoryName);
    } else if (wasStored) {
      // The user unticked "remember": the old copy must not outlive this run.
      await this.deleteCopy(repoId);
    }
  }

  /**
   * A new passphrase borg accepted (`borg key change-passphrase` succeeded): held from now on, and
   * the stored copy replaced if there was one. Call only after borg succeeded. False when a stored
   * copy could not be replaced (it is then deleted).
   */
  async replace(repoId: string, passphrase: string, repositoryName: string): Promise<boolean> {
    const wasStored = this.isStored(repoId);
    this.held.set(repoId, { passphrase, stored: false });
    if (!wasStored) return true;
    await this.storeCopy(repoId, passphrase, repositoryName);
    if (this.isStored(repoId)) return true;
    // The old copy no longer opens the repository: it must not come back at the next start.
    await this.deleteCopy(repoId);
    return false;
  }

  /** `repos:forget-passphrase` and removal: drop the memory copy and the stored one. */
  async forget(repoId: string): Promise<void> {
    const wasStored = this.isStored(repoId);
    this.held.delete(repoId);
    // Also when nothing was loaded: a copy left by an earlier run (the keyring was locked then) goes too.
    if (wasStored || this.store.describe().persistent) await this.deleteCopy(repoId);
  }

  /**
   * Borg rejected `passphrase` for `repoId` (it was changed elsewhere). If it is the one held, it is
   * dropped with its stored copy, so the repository reads as locked and the user is asked again.
   * Returns true when it dropped something.
   */
  async rejected(repoId: string, passphrase: string): Promise<boolean> {
    const current = this.held.get(repoId);
    if (current?.passphrase !== passphrase) return false;
    this.held.delete(repoId);
    if (current.stored) await this.deleteCopy(repoId);
    return true;
  }

  private async storeCopy(repoId: string, passphrase: string, repositoryName: string): Promise<void> {
    try {
      await this.store.set(repoId, passphrase, repositoryName);
      this.problem = undefined;
      // Only if nothing replaced or dropped it while the store was writing.
      if (this.held.get(repoId)?.passphrase === passphrase)
        this.held.set(repoId, { passphrase, stored: true });
    } catch (error) {
      this.failed('could not remember the passphrase', error);
    }
  }

  private async deleteCopy(repoId: string): Promise<void> {
    try {
      await this.store.delete(repoId);
    } catch (error) {
      this.failed('could not forget the stored passphrase', error);
    }
  }

  private failed(what: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.problem = `Borgdesk ${what}: ${reason}`;
    this.warn(this.problem);
  }
}
