/**
 * The "Key and passphrase" card of an encrypted repository: change the passphrase, export the key
 * (key file download, paper text to copy or print, borg's QR page), print the recovery kit, run
 * the self-test, and for keyfile modes import the key. The exported key is encrypted by the
 * passphrase, so it may be shown here; the passphrase never comes back from the core.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('keys');
  const [open, setOpen] = useState<Open>();
  const [shown, setShown] = useState<Shown>();
  const [asked, setAsked] = useState<KeyExportFormat>();
  const onExported = (key: ExportedKey): void => {
    if (key.format === 'paper') setShown({ kind: 'paper', key });
    else if (key.format === 'qr-html')
      setShown({
        kind: 'page',
        title: t('section.qrTitle'),
        html: key.content,
        fileName: key.fileName,
        scripts: true,
      });
    else {
      saveTextFile(key.fileName, key.content);
      setShown({
        kind: 'note',
        text: t('section.fileOffered', { file: key.fileName }),
      });
    }
  };
  const exporter = useAction('keys:export', {
    fallback: t('section.exportFailed'),
    onSuccess: onExported,
  });
  const kit = useAction('keys:recovery-kit', {
    fallback: t('section.kitFailed'),
    onSuccess: (page: RecoveryKit) =>
      setShown({
        kind: 'page',
        title: t('section.kitTitle'),
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
          {t('section.title')}
        </h2>
        <span className="muted">
          {repo.keyExportedAt
            ? t('section.exportedAt', { date: formatDateTime(repo.keyExportedAt) })
            : t('section.neverExported')}
        </span>
      </header>
      <p>{keyfile ? t('section.keyfileExplainer') : t('section.repokeyExplainer')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.keysActions}>
        <Button icon="lock" onClick={() => setOpen('change')}>
          {t('section.changePassphrase')}
        </Button>
        <Button icon="download" busy={busy === 'file'} onClick={() => exportKey('file')}>
          {t('section.exportFile')}
        </Button>
        <Button icon="file" busy={busy === 'paper'} onClick={() => exportKey('paper')}>
          {t('section.paperKey')}
        </Button>
        <Button icon="external" busy={busy === 'qr-html'} onClick={() => exportKey('qr-html')}>
          {t('section.qrPage')}
        </Button>
        <Button variant="primary" icon="file" busy={busy === 'kit'} onClick={printKit}>
          {t('section.printKit')}
        </Button>
        <Button icon="shield" onClick={() => setOpen('self-test')}>
          {t('section.runSelfTest')}
        </Button>
        {keyfile ? (
          <Button icon="upload" onClick={() => setOpen('import')}>
            {t('section.importKey')}
          </Button>
        ) : null}
      </div>
      {shown?.kind === 'note' ? <p className="muted">{shown.text}</p> : null}
      {shown?.kind === 'paper' ? (
        <div>
          <pre className={styles.paperKey} aria-label={t('section.paperKey')} translate="no">
            {shown.key.content}
          </pre>
          <div className={styles.keysActions}>
            <CopyButton text={shown.key.content} label={t('section.copyPaperKey')} />
            <Button
              size="small"
              icon="save"
              onClick={() => saveTextFile(shown.key.fileName, shown.key.content)}
            >
              {t('section.saveAsFile')}
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
              text: repo.passcommand === undefined ? t('section.changed') : t('section.changedPasscommand'),
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
            setShown({ kind: 'note', text: t('section.imported') });
          }}
        />
      ) : null}
    </section>
  );
}
