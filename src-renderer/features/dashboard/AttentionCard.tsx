/**
 * The Overview's "Needs attention" card: what happened to Borgdesk's config files (entries set
 * aside, a file unreadable or from a newer Borgdesk, a failed save), then every scheduled plan
 * target without a good backup for longer than Settings allows, how long it has been and why, and
 * every keyfile repository whose key was never exported, every question borg waits on (a
 * scheduled run that stopped at one points here), and mounts an ended run left busy (they keep
 * their repository locked), and restore tests whose last run failed. The
 * browser host has no tray or desktop notifications, so this card is where a headless user learns
 * that backups stopped. The welcome screen shows it too, so set-aside repositories are never silent.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDateTime } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { useStaleStore } from '../../stores/stale-store.js';
import { useQuestionsStore } from '../../stores/questions-store.js';
import { QuestionList } from '../questions/QuestionNotice.js';
import { LeftoverMountList, useLeftoverMounts } from '../archives/LeftoverMountList.js';
import { KeyAttentionList, unexportedKeyfileRepos } from '../keys/KeyAttentionList.js';
import { DrillAttentionList, useFailedDrills } from '../drills/DrillAttentionList.js';
import { attentionText } from './attention-text.js';
import { ConfigNoticeList } from './ConfigNoticeList.js';
import styles from './dashboard.module.css';

// Staleness grows with time alone (no event says "another hour passed"); events refresh it sooner.
const REFRESH_MS = 5 * 60_000;

/** The card (`aria-label="Needs attention"`); nothing while the files are fine and every plan is in time. */
export function AttentionCard() {
  const { t } = useTranslation('dashboard');
  const items = useStaleStore((s) => s.items);
  const error = useStaleStore((s) => s.error);
  const connection = useAppStore((s) => s.connection);
  const notices = useAppStore((s) => s.status?.configNotices) ?? [];
  const repos = useReposStore((s) => s.repos);
  const unexported = unexportedKeyfileRepos(repos);
  const questions = useQuestionsStore((s) => s.questions.length);
  const leftovers = useLeftoverMounts();
  const failedDrills = useFailedDrills();

  useEffect(() => {
    if (connection !== 'open') return;
    const load = (): void => void useStaleStore.getState().load();
    // A save that failed in the background (disk full) shows up here on the next refresh.
    const timer = setInterval(() => {
      load();
      void useAppStore.getState().loadStatus();
    }, REFRESH_MS);
    load();
    return () => clearInterval(timer);
  }, [connection]);

  if (error && notices.length === 0 && questions === 0) {
    return <ErrorMessage error={error} title={t('attention.checkFailed')} />;
  }
  const nothing = items.length === 0 && notices.length === 0 && unexported.length === 0 && questions === 0;
  if (nothing && leftovers.length === 0 && failedDrills.length === 0) return null;
  return (
    <section className={`card ${styles.attentionCard}`} aria-labelledby="attention-title">
      <header className="card-header">
        <h2 id="attention-title" className={`card-title ${styles.attentionTitle}`}>
          <Icon name="alert" />
          {t('attention.title')}
        </h2>
      </header>
      {notices.length > 0 ? <ConfigNoticeList notices={notices} /> : null}
      {questions > 0 ? (
        <div className={styles.attentionList}>
          <QuestionList showRepository />
        </div>
      ) : null}
      <LeftoverMountList mounts={leftovers} linkRepository />
      <KeyAttentionList repos={unexported} />
      <DrillAttentionList failed={failedDrills} />
      {error ? <ErrorMessage error={error} title={t('attention.checkFailed')} /> : null}
      {items.length > 0 ? (
        <ul className={styles.attentionList} aria-label={t('attention.plansList')}>
          {items.map((item) => {
            const text = attentionText(item);
            return (
              <li key={item.id} className={styles.attentionItem}>
                <div className={styles.attentionHead}>
                  <strong translate="no">{item.label}</strong>
                  <span className="muted">
                    {t('attention.to')} <span translate="no">{item.repoName}</span>
                  </span>
                  <span className="chip chip-warn">{text.cause}</span>
                </div>
                <p className={styles.attentionAge}>
                  {text.age}
                  {item.lastSuccessAt !== undefined ? (
                    <span className="muted">
                      {' '}
                      {t('attention.lastOne', { date: formatDateTime(item.lastSuccessAt) })}
                    </span>
                  ) : null}
                </p>
                <p className={styles.attentionDetail}>{text.detail}</p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
