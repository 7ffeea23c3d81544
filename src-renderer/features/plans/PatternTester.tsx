/**
 * The pattern tester: type a path and the core answers whether `borg create` would exclude it under
 * the rules being edited, and by which rule.
 */
import { useId, useState } from 'react';
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
  const inputId = useId();
  const [path, setPath] = useState('');
  const answer = useAction('plans:test-path', { fallback: 'The path could not be tested.' });

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
        Test a path
      </label>
      <div className="field-row">
        <input
          id={inputId}
          value={path}
          spellCheck={false}
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
          Test
        </Button>
      </div>
      <p className={styles.patternVerdict} role="status" aria-label="Pattern test result">
        {answer.error ? (
          <span className={styles.verdictError}>{wordError(answer.error).message}</span>
        ) : answer.data ? (
          verdict(answer.data)
        ) : null}
      </p>
    </div>
  );
}

function verdict(test: PathTest): string {
  if (test.outsideRoots) return 'Not backed up: the path is outside the source folders.';
  // An include line (`+ …`) that decided is worth naming: it may be what keeps the path.
  if (!test.excluded) return test.rule ? `Included by rule ${test.rule}` : 'Included';
  return test.rule ? `Excluded by rule ${test.rule}` : 'Excluded';
}
