/**
 * The config notices inside the "Needs attention" card: for each, what Borgdesk did with one of its
 * files, where the original is kept (a path the user can copy), and a button to dismiss it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigNotice } from '../../../src-main/model/app.js';
import { Button } from '../../components/Button.js';
import { useAppStore } from '../../stores/app-store.js';
import { configNoticeText } from './config-notice-text.js';
import styles from './dashboard.module.css';

/** Props of {@link ConfigNoticeList}. */
export interface ConfigNoticeListProps {
  readonly notices: readonly ConfigNotice[];
}

/** The list (`aria-label={t('configNotice.list')}`). */
export function ConfigNoticeList({ notices }: ConfigNoticeListProps) {
  const { t } = useTranslation('dashboard');
  const [dismissing, setDismissing] = useState<string>();
  const dismiss = (id: string): void => {
    setDismissing(id);
    void useAppStore
      .getState()
      .dismissConfigNotice(id)
      .finally(() => setDismissing(undefined));
  };
  return (
    <ul className={styles.attentionList} aria-label={t('configNotice.list')}>
      {notices.map((notice) => {
        const text = configNoticeText(notice);
        return (
          <li key={notice.id} className={styles.attentionItem}>
            <div className={styles.attentionHead}>
              <strong>{text.title}</strong>
              <span className="chip chip-warn">{text.chip}</span>
              <Button
                variant="ghost"
                size="small"
                className={styles.attentionDismiss}
                busy={dismissing === notice.id}
                onClick={() => dismiss(notice.id)}
                aria-label={t('configNotice.dismissLabel', { title: text.title })}
              >
                {t('configNotice.dismiss')}
              </Button>
            </div>
            <p className={styles.attentionDetail}>{text.detail}</p>
            {text.keptLabel !== undefined && notice.keptAt !== undefined ? (
              <p className={styles.attentionDetail}>
                {text.keptLabel}{' '}
                <code className={styles.attentionPath} translate="no">
                  {notice.keptAt}
                </code>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
