/**
 * Add a repository: create a new one (borg init) or open an existing one. A location is a folder
 * (chosen with Browse… or typed) or an ssh:// address. Errors show borg's meaning and a remedy.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isKeyfileMode, type AnyEncryptionMode } from '../../../src-main/model/encryption.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { PassphraseFields, passphraseProblem } from '../../components/PassphraseFields.js';
import { RememberPassphraseField, useRememberChoice } from '../../components/RememberPassphraseField.js';
import { hintFor, needsPassphrase } from '../../lib/choices.js';
import { encryptionChoicesFor, encryptionModesOf } from '../../lib/encryption-choices.js';
import { baseName, isRemoteLocation, joinPath } from '../../lib/paths.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { ImportKeyDialog } from '../keys/ImportKeyDialog.js';
import { SshKeyFieldset } from '../ssh-keys/SshKeyFieldset.js';
import { questionWords } from '../../../src-main/model/question-texts.js';
import { QuestionDialog } from '../questions/QuestionDialog.js';
import { KeyfileNote } from '../keys/KeyfileNote.js';
import { ChoiceSelect } from '../../components/ChoiceSelect.js';
import { locationFieldError } from './location-field.js';
import { LocationField } from './LocationField.js';
import {
  locationKindChoices,
  locationPrefixOf,
  placeholderOf,
  useExtraLocationSchemes,
  type LocationKind,
} from './location-kinds.js';
import { PasscommandField, PassphraseSourceChoice, type PassphraseSource } from './PasscommandField.js';
import styles from './repositories.module.css';

type Mode = 'create' | 'existing';

/** Props of {@link AddRepositoryDialog}. */
export interface AddRepositoryDialogProps {
  readonly initialMode: Mode;
}

/** The dialog behind "Add repository". */
export function AddRepositoryDialog({ initialMode }: AddRepositoryDialogProps) {
  const { t } = useTranslation(['repositories', 'common']);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const selectRepository = useAppStore((s) => s.selectRepository);
  const dismissWelcome = useAppStore((s) => s.dismissWelcome);
  const homeDir = useAppStore((s) => s.status?.homeDir);
  // The modes the borg in use accepts (borg 2 names them after their cipher), recommended first.
  const borg = useAppStore((s) => s.status?.borg);
  const encryptionChoices = encryptionChoicesFor(encryptionModesOf(borg));
  const createRepository = useReposStore((s) => s.createRepository);
  const addExistingRepository = useReposStore((s) => s.addExistingRepository);

  const [mode, setMode] = useState<Mode>(initialMode);
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [chosenEncryption, setEncryption] = useState<AnyEncryptionMode>();
  const encryption = chosenEncryption ?? encryptionChoices[0]?.value ?? 'repokey-blake2';
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useRememberChoice();
  const [attempted, setAttempted] = useState(false);
  // Opening only: borg init would take an empty output of a command as the new passphrase.
  const [source, setSource] = useState<PassphraseSource>('type');
  const [passcommand, setPasscommand] = useState('');
  const [sshKey, setSshKey] = useState<string>();

  const creating = mode === 'create';
  const wantsPassphrase = creating && needsPassphrase(encryption);
  const nameError = name.trim() === '' ? t('form.nameMissing') : undefined;
  const extraSchemes = useExtraLocationSchemes();
  const kinds = locationKindChoices(t, extraSchemes);
  const [kind, setKind] = useState<LocationKind>('folder-or-ssh');
  const kindHint = kinds.find((k) => k.value === kind)?.hint;
  const locationError = locationFieldError(location, t('add.locationMissing'), extraSchemes);
  const fromCommand = !creating && source === 'command';
  const overSsh = locationError === undefined && isRemoteLocation(location);
  const withKey = overSsh && sshKey !== undefined ? { sshKey } : {};
  const invalid = Boolean(
    nameError ||
    locationError ||
    (wantsPassphrase && passphraseProblem(passphrase, confirm)) ||
    (fromCommand && passcommand.trim() === ''),
  );

  const add = useAction(
    ({ attemptId, consentedPrompts }: { attemptId: string; consentedPrompts: readonly string[] }) =>
      creating
        ? createRepository({
            name: name.trim(),
            location: location.trim(),
            encryption,
            ...withKey,
            attemptId,
            ...(wantsPassphrase ? { passphrase, remember } : {}),
          })
        : addExistingRepository({
            name: name.trim(),
            location: location.trim(),
            ...withKey,
            attemptId,
            ...(fromCommand ? { passcommand } : passphrase ? { passphrase, remember } : {}),
            ...(consentedPrompts.length > 0 ? { consentedPrompts: [...consentedPrompts] } : {}),
          }),
    {
      fallback: creating ? t('add.createFailed') : t('add.openFailed'),
      onSuccess: (repo) => {
        selectRepository(repo.id);
        dismissWelcome();
        closeDialog();
      },
    },
  );
  const { pending: busy, error } = add;
  // Borg's questions on opening (unencrypted and never seen, or known at another location): the
  // user answers each in the question dialog; the yes answers go with the next try only.
  // Kept with the location they were given for: a yes never carries over to another repository.
  const [yesFor, setYesFor] = useState<{ location: string; prompts: readonly string[] }>();
  const answered = yesFor?.location === location.trim() ? yesFor.prompts : [];
  const [questionClosed, setQuestionClosed] = useState(false);
  const asked =
    !creating && error?.code === 'PromptRefused' && error.msgid !== undefined ? error.msgid : undefined;
  // The attempt running now: Cancel (or closing the dialog) stops its borg, e.g. one stuck connecting.
  const [attemptId, setAttemptId] = useState<string>();
  const cancelAttempt = useAction('repos:cancel-attempt', { fallback: t('add.cancelFailed') });
  const close = (): void => {
    if (busy && attemptId !== undefined) cancelAttempt.run({ attemptId });
    closeDialog();
  };
  // An existing keyfile repository whose key is not on this computer: import it, then open again.
  const [importingKey, setImportingKey] = useState(false);

  const onPicked = (picked: string): void => {
    // A new repository gets its own folder inside the chosen one; an existing one is the folder itself.
    setLocation(creating ? joinPath(picked, 'borg-repo') : picked);
    if (name.trim() === '') setName(baseName(picked));
  };

  // Each try is a new attempt, so Cancel stops exactly the borg that runs now.
  const run = (consentedPrompts: readonly string[]): void => {
    const attemptId = crypto.randomUUID();
    setAttemptId(attemptId);
    add.run({ attemptId, consentedPrompts });
  };

  const submit = (): void => {
    setAttempted(true);
    if (invalid || busy) return;
    setQuestionClosed(false);
    run(answered);
  };

  return (
    <Dialog
      title={t('add.title')}
      description={t('add.description')}
      onClose={close}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={close}>{busy ? t('common:actions.cancel') : t('common:actions.close')}</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {creating ? t('add.create') : t('add.open')}
          </Button>
        </>
      }
    >
      <div className={styles.segmented} role="tablist" aria-label={t('add.sourceLabel')}>
        {(['create', 'existing'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className={mode === m ? `${styles.segment} active` : styles.segment}
            onClick={() => {
              setMode(m);
              add.reset();
            }}
            disabled={busy}
          >
            {m === 'create' ? t('add.createNew') : t('add.openExisting')}
          </button>
        ))}
      </div>
      {error ? <ErrorMessage error={error} onRetry={submit} /> : null}
      {asked !== undefined && !questionClosed ? (
        <QuestionDialog
          words={questionWords(asked)}
          borgText={error?.question ?? ''}
          context={t('add.questionContext', { name: name.trim() })}
          busy={busy}
          error={undefined}
          onYes={() => {
            const next = [...answered.filter((p) => p !== asked), asked];
            setYesFor({ location: location.trim(), prompts: next });
            run(next);
          }}
          onNo={() => setQuestionClosed(true)}
          onClose={() => setQuestionClosed(true)}
        />
      ) : null}
      {error?.code === 'KeyNotFound' && !creating ? (
        <Button icon="download" onClick={() => setImportingKey(true)}>
          {t('add.importKey')}
        </Button>
      ) : null}
      <Field label={t('form.nameLabel')} error={attempted ? nameError : undefined} hint={t('add.nameHint')}>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      {kinds.length > 1 ? (
        <Field label={t('add.whereLabel')} hint={kindHint}>
          <ChoiceSelect
            choices={kinds}
            value={kind}
            onChange={(next) => {
              setKind(next);
              const prefix = locationPrefixOf(next);
              if (prefix !== '' && !location.trim().startsWith(prefix)) setLocation(prefix);
              if (prefix === '' && /^(sftp:\/\/|rclone:)$/.test(location.trim())) setLocation('');
            }}
          />
        </Field>
      ) : null}
      <LocationField
        value={location}
        onChange={setLocation}
        onPicked={onPicked}
        error={attempted ? locationError : undefined}
        hint={
          kind !== 'folder-or-ssh'
            ? t('add.locationHintOther')
            : creating
              ? t('add.locationHintCreate')
              : t('add.locationHintOpen')
        }
        placeholder={placeholderOf(t, kind, creating)}
        browsable={kind === 'folder-or-ssh'}
        pickerTitle={creating ? t('form.pickCreate') : t('form.pickExisting')}
        startPath={homeDir}
        disabled={busy}
      />
      {overSsh ? (
        <SshKeyFieldset location={location.trim()} value={sshKey} onChange={setSshKey} disabled={busy} />
      ) : null}
      {creating ? (
        <Field label={t('add.encryptionLabel')} hint={hintFor(encryptionChoices, encryption)}>
          <ChoiceSelect choices={encryptionChoices} value={encryption} onChange={setEncryption} />
        </Field>
      ) : null}
      {creating && isKeyfileMode(encryption) ? <KeyfileNote /> : null}
      {wantsPassphrase ? (
        <PassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          showErrors={attempted}
        />
      ) : null}
      {wantsPassphrase ? <RememberPassphraseField checked={remember} onChange={setRemember} /> : null}
      {!creating ? <PassphraseSourceChoice value={source} onChange={setSource} disabled={busy} /> : null}
      {fromCommand ? (
        <PasscommandField
          value={passcommand}
          onChange={setPasscommand}
          target={{ location: location.trim(), ...withKey }}
          showErrors={attempted}
          disabled={busy}
        />
      ) : null}
      {!creating && !fromCommand ? (
        <Field label={t('form.passphraseLabel')} hint={t('add.passphraseHint')}>
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
          />
        </Field>
      ) : null}
      {!creating && !fromCommand && passphrase !== '' ? (
        <RememberPassphraseField checked={remember} onChange={setRemember} />
      ) : null}
      {importingKey ? (
        <ImportKeyDialog
          target={{ location: location.trim(), ...withKey }}
          onClose={() => setImportingKey(false)}
          onImported={() => {
            setImportingKey(false);
            submit();
          }}
        />
      ) : null}
    </Dialog>
  );
}
