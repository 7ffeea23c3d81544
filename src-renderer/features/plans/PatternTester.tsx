/**
 * The pattern tester: type a path and the core answers whether `borg create` would exclude it under
 * the rules being edited, and by which rule.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PathTest } from '../../../src-main/model/plan.js';
import { Button } from '../../components/Button.js';
import { useAction } from '../../lib/use-request.js';
import styles from './plans.module.css';
import { wordError } from '../../lib/error-info.js';

/** The rules to test against: the editor's current (unsaved) state. */
export interface TesterRules {
  readonly excludes: readonly string[];
  readonly patterns: readonly string[];
  readonly presets: readonly string[];
  readonly sourcePaths: readonly string[];
}

/** Props of {@link PatternTester}. */
export interface PatternTesterProps {
  readonly rules: TesterRules;
}

/** A path field, a Test button and the verdict. */
export function PatternTester({ rules }: PatternTesterProps) {
  const { t } = useTranslation('plans');
  const inputId = useId();
  const [path, setPath] = useState('');
  const answer = useAction('plans:test-path', { fallback: t('tester.failed') });

  const test = (): void => {
    if (path.trim() === '') return;
    answer.run({
      path: path.trim(),
      rules: {
        excludes: [...rules.excludes],
        patterns: [...rules.patterns],
        presets: [...rules.presets],
        sourcePaths: [...rules.sourcePaths],
      },
    });
  };

  return (
    <div className={styles.patternTester}>
      <label className="field-label" htmlFor={inputId}>
        {t('tester.label')}
      </label>
      <div className="field-row">
        <input
          id={inputId}
          value={path}
          spellCheck={false}
          translate="no"
          placeholder="/home/you/.cache/thumbnails"
          onChange={(e) => {
            setPath(e.target.value);
            answer.reset();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              test();
            }
          }}
        />
        <Button size="small" busy={answer.pending} disabled={path.trim() === ''} onClick={test}>
          {t('tester.test')}
        </Button>
      </div>
      <p className={styles.patternVerdict} role="status" aria-label={t('tester.resultAria')}>
        {answer.error ? (
          <span className={styles.verdictError}>{wordError(answer.error).message}</span>
        ) : answer.data ? (
          verdict(answer.data, t)
        ) : null}
      </p>
    </div>
  );
}

function verdict(test: PathTest, t: TFunction<'plans'>): string {
  if (test.outsideRoots) return t('tester.outside');
  // An include line (`+ …`) that decided is worth naming: it may be what keeps the path.
  if (!test.excluded) return test.rule ? t('tester.includedBy', { rule: test.rule }) : t('tester.included');
  return test.rule ? t('tester.excludedBy', { rule: test.rule }) : t('tester.excluded');
}
