/**
 * The "Key and passphrase" card of an encrypted repository: change the passphrase, export the key
 * (key file download, paper text to copy or print, borg's QR page), print the recovery kit, run
 * the self-test, and for keyfile modes import the key. The exported key is encrypted by the
 * passphrase, so it may be shown here; the passphrase never comes back from the core.
 */
import { useState } from 'react';
import { isKeyfileMode } from '../../../src-main/model/encryption.js';
import type { ExportedKey, KeyExportFormat, RecoveryKit } from '../../../src-main/model/keys.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction } from '../../lib/use-request.js';
import { saveTextFile } from '../../lib/save-file.js';
import { ChangePassphraseDialog } from './ChangePassphraseDialog.js';
import { ImportKeyDialog } from './ImportKeyDialog.js';
import { PrintPreviewDialog } from './PrintPreviewDialog.js';
import { SelfTestDialog } from './SelfTestDialog.js';
import styles from './keys.module.css';

type Open = 'change' | 'import' | 'self-test' | undefined;
type Shown =
  | { readonly kind: 'paper'; readonly key: ExportedKey }
  | {
      readonly kind: 'page';
      readonly title: string;
      readonly html: string;
      readonly fileName: string;
      readonly scripts: boolean;
    }
  | { readonly kind: 'note'; readonly text: string };

/** Props of {@link KeySection}. */
export interface KeySectionProps {
  readonly repo: RepositorySummary;
}

/** The card; nothing for an unencrypted repository. */
export function KeySection({ repo }: KeySectionProps) {
  const [open, setOpen] = useState<Open>();
  const [shown, setShown] = useState<Shown>();
  const [asked, setAsked] = useState<KeyExportFormat>();
  const onExported = (key: ExportedKey): void => {
    if (key.format === 'paper') setShown({ kind: 'paper', key });
    else if (key.format === 'qr-html')
      setShown({
        kind: 'page',
        title: 'Key with QR code',
        html: key.content,
        fileName: key.fileName,
        scripts: true,
      });
    else {
      saveTextFile(key.fileName, key.content);
      setShown({
        kind: 'note',
        text: `The key file “${key.fileName}” was offered for download. Keep it away from the backups.`,
      });
    }
  };
  const exporter = useAction('keys:export', {
    fallback: 'The key could not be exported.',
    onSuccess: onExported,
  });
  const kit = useAction('keys:recovery-kit', {
    fallback: 'The recovery kit could not be made.',
    onSuccess: (page: RecoveryKit) =>
      setShown({
        kind: 'page',
        title: 'Recovery kit',
        html: page.html,
        fileName: page.fileName,
        scripts: false,
      }),
  });
  if (!repo.needsPassphrase) return null;
  const keyfile = isKeyfileMode(repo.encryption);
  const error = exporter.error ?? kit.error;
  const busy = kit.pending ? 'kit' : exporter.pending ? asked : undefined;
  const exportKey = (format: KeyExportFormat): void => {
    setAsked(format);
    kit.reset();
    exporter.run({ repoId: repo.id, format });
  };
  const printKit = (): void => {
    exporter.reset();
    kit.run({ repoId: repo.id });
  };

  return (
    <section className={`card ${styles.keysCard}`} aria-labelledby="keys-title">
      <header className="card-header">
        <h2 id="keys-title" className="card-title">
          Key and passphrase
        </h2>
        <span className="muted">
          {repo.keyExportedAt ? `Key exported ${formatDateTime(repo.keyExportedAt)}` : 'Key never exported'}
        </span>
      </header>
      <p>
        {keyfile
          ? 'This repository’s key is kept only on this computer, in borg’s keys folder. If this computer is lost, the backups cannot be read without an exported copy of the key and the passphrase.'
          : 'The key is stored inside the repository. An exported copy and the passphrase let you restore even if the repository’s copy is damaged.'}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.keysActions}>
        <Button icon="lock" onClick={() => setOpen('change')}>
          Change passphrase…
        </Button>
        <Button icon="download" busy={busy === 'file'} onClick={() => exportKey('file')}>
          Export key file
        </Button>
        <Button icon="file" busy={busy === 'paper'} onClick={() => exportKey('paper')}>
          Paper key
        </Button>
        <Button icon="external" busy={busy === 'qr-html'} onClick={() => exportKey('qr-html')}>
          QR page
        </Button>
        <Button variant="primary" icon="file" busy={busy === 'kit'} onClick={printKit}>
          Print recovery kit
        </Button>
        <Button icon="shield" onClick={() => setOpen('self-test')}>
          Run self-test…
        </Button>
        {keyfile ? (
          <Button icon="upload" onClick={() => setOpen('import')}>
            Import key…
          </Button>
        ) : null}
      </div>
      {shown?.kind === 'note' ? <p className="muted">{shown.text}</p> : null}
      {shown?.kind === 'paper' ? (
        <div>
          <pre className={styles.paperKey} aria-label="Paper key">
            {shown.key.content}
          </pre>
          <div className={styles.keysActions}>
            <CopyButton text={shown.key.content} label="Copy paper key" />
            <Button
              size="small"
              icon="save"
              onClick={() => saveTextFile(shown.key.fileName, shown.key.content)}
            >
              Save as file
            </Button>
          </div>
        </div>
      ) : null}
      {shown?.kind === 'page' ? (
        <PrintPreviewDialog
          title={shown.title}
          html={shown.html}
          fileName={shown.fileName}
          runsScripts={shown.scripts}
          onClose={() => setShown(undefined)}
        />
      ) : null}
      {open === 'change' ? (
        <ChangePassphraseDialog
          repo={repo}
          onClose={() => setOpen(undefined)}
          onChanged={() => {
            setOpen(undefined);
            setShown({
              kind: 'note',
              text:
                repo.passcommand === undefined
                  ? 'The passphrase was changed. Print a new recovery kit if you keep one.'
                  : 'The passphrase was changed. Make your passphrase command print the new one now.',
            });
          }}
        />
      ) : null}
      {open === 'self-test' ? <SelfTestDialog repo={repo} onClose={() => setOpen(undefined)} /> : null}
      {open === 'import' ? (
        <ImportKeyDialog
          target={{ repoId: repo.id }}
          onClose={() => setOpen(undefined)}
          onImported={() => {
            setOpen(undefined);
            setShown({ kind: 'note', text: 'The key was imported.' });
          }}
        />
      ) : null}
    </section>
  );
}
