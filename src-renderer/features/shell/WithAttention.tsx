/**
 * The welcome and "no repositories" screens under the "Needs attention" card, so a set-aside or
 * unreadable repositories.json never looks like a first start. The welcome screen focuses its
 * passphrase field (which scrolls the page down); when there is a notice, the card is scrolled back
 * into view so it is the first thing the user reads.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../../stores/app-store.js';
import { AttentionCard } from '../dashboard/AttentionCard.js';
import styles from './shell.module.css';

/** Props of {@link WithAttention}. */
export interface WithAttentionProps {
  readonly children: ReactNode;
}

/** The card, then `children`. */
export function WithAttention({ children }: WithAttentionProps) {
  const ref = useRef<HTMLDivElement>(null);
  const noticeCount = useAppStore((s) => s.status?.configNotices?.length ?? 0);
  useEffect(() => {
    // Runs after the child's autofocus has scrolled; scrollIntoView is missing in some test DOMs.
    if (noticeCount > 0) ref.current?.scrollIntoView?.({ block: 'start' });
  }, [noticeCount]);
  return (
    <>
      <div ref={ref} className={styles.welcomeAttention}>
        <AttentionCard />
      </div>
      {children}
    </>
  );
}
