/**
 * The passphrase's source in the open, unlock and repository screens: typed, or printed by a
 * command of the user's (BORG_PASSCOMMAND) with a Test button. The Test runs borg in the core; only
 * its verdict comes back, never what the command printed.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PasscommandTestResult } from '../../../src-main/model/passcommand.js';
import { checkPasscommand, PASSCOMMAND_EXAMPLES } from '../../../src-main/model/passcommand-syntax.js';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { useAction } from '../../lib/use-request.js';
import styles from './PasscommandField.module.css';

/** Where the passphrase comes from. */
export type PassphraseSource = 'type' | 'command';

/** Props of {@link PassphraseSourceChoice}. */
export interface PassphraseSourceChoiceProps {
  readonly value: PassphraseSource;
  readonly onChange: (value: PassphraseSource) => void;
  readonly disabled?: boolean;
}

/** "Type the passphrase" / "Get it from a command". */
export function PassphraseSourceChoice({ value, onChange, disabled }: PassphraseSourceChoiceProps) {
  const { t } = useTranslation('repositories');
  const options: readonly [PassphraseSource, string][] = [
    ['type', t('passphraseSource.type')],
    ['command', t('passphraseSource.command')],
  ];
  return (
    <fieldset className={styles.source} disabled={disabled}>
      <legend className="field-label">{t('passphraseSource.legend')}</legend>
      {options.map(([source, label]) => (
        <label key={source} className={styles.sourceOption}>
          <input
            type="radio"
            name="passphrase-source"
            checked={value === source}
            onChange={() => onChange(source)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** The repository a Test runs against: a stored one, or the location typed in the add dialog. */
export type PasscommandTestTarget =
  { readonly repoId: string } | { readonly location: string; readonly sshKey?: string };

/** Props of {@link PasscommandField}. */
export interface PasscommandFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly target: PasscommandTestTarget;
  /** Show the input check's problem (after a submit attempt). */
  readonly showErrors?: boolean;
  readonly disabled?: boolean;
}

type TestState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly result: PasscommandTestResult };

/** The command field with its hint, a Test button and the Test's verdict beside it. */
export function PasscommandField({ value, onChange, target, showErrors, disabled }: PasscommandFieldProps) {
  const { t } = useTranslation('repositories');
  // The input check's verdict, shown without asking the core.
  const [localResult, setLocalResult] = useState<PasscommandTestResult>();
  const tester = useAction('repos:test-passcommand', { fallback: t('passcommand.testFailed') });
  const checked = checkPasscommand(value);
  const problem = checked.ok ? undefined : checked.problem;
  const runTest = (): void => {
    if (!checked.ok) {
      tester.reset();
      setLocalResult({ outcome: 'other', message: checked.problem });
      return;
    }
    setLocalResult(undefined);
    tester.run({ ...target, passcommand: checked.command });
  };
  const test: TestState = tester.pending
    ? { kind: 'running' }
    : localResult !== undefined
      ? { kind: 'done', result: localResult }
      : tester.data !== undefined
        ? { kind: 'done', result: tester.data }
        : tester.error !== undefined
          ? {
              kind: 'done',
              result: { outcome: 'other', message: tester.error.message, remedy: tester.error.remedy },
            }
          : { kind: 'idle' };
  return (
    <>
      <Field
        label={t('passcommand.label')}
        error={showErrors || value !== '' ? problem : undefined}
        hint={
          <Trans
            t={t}
            i18nKey="passcommand.hint"
            values={{ first: PASSCOMMAND_EXAMPLES[0], second: PASSCOMMAND_EXAMPLES[1] }}
            components={{ code: <code translate="no" /> }}
          />
        }
        addon={
          <Button icon="terminal" onClick={runTest} busy={test.kind === 'running'} disabled={disabled}>
            {t('passcommand.test')}
          </Button>
        }
      >
        <input
          className={styles.command}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setLocalResult(undefined);
            tester.reset();
          }}
          spellCheck={false}
          autoComplete="off"
          translate="no"
          placeholder={PASSCOMMAND_EXAMPLES[0]}
          disabled={disabled}
        />
      </Field>
      <TestVerdict state={test} />
    </>
  );
}

function TestVerdict({ state }: { readonly state: TestState }) {
  const { t } = useTranslation('repositories');
  if (state.kind === 'idle') return <p className="visually-hidden" role="status" />;
  if (state.kind === 'running')
    return (
      <p className={styles.verdict} role="status">
        {t('passcommand.testing')}
      </p>
    );
  const { result } = state;
  const ok = result.outcome === 'ok';
  return (
    <div
      className={ok ? `${styles.verdict} ${styles.verdictOk}` : `${styles.verdict} ${styles.verdictBad}`}
      role="status"
    >
      <Icon name={ok ? 'check' : 'alert'} size={14} />
      <div>
        <p>{result.message}</p>
        {result.remedy ? <p className="muted">{result.remedy}</p> : null}
      </div>
    </div>
  );
}
