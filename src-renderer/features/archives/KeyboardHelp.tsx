/**
 * The archive grid's keyboard shortcuts, behind a "Keyboard" disclosure in the browser's toolbar
 * (a native <details>, so it opens with Enter or Space and needs no focus handling of its own).
 */
import { useTranslation } from 'react-i18next';
import styles from './KeyboardHelp.module.css';

const SHORTCUTS = ['move', 'page', 'ends', 'open', 'tick', 'up', 'tab'] as const;

/** The shortcut list of the archive grid. */
export function KeyboardHelp() {
  const { t } = useTranslation('archives');
  return (
    <details className={styles.keyboardHelp}>
      <summary className={styles.keyboardToggle}>{t('keyboard.toggle')}</summary>
      <div className={styles.keyboardPanel}>
        <h3 className={styles.keyboardTitle}>{t('keyboard.title')}</h3>
        <dl className={styles.keyboardList}>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut}>
              <dt>
                <kbd>{t(`keyboard.keys.${shortcut}`)}</kbd>
              </dt>
              <dd>{t(`keyboard.${shortcut}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
