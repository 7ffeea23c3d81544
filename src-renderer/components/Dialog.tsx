/**
 * An accessible modal dialog: labelled by its title, Escape closes it, Tab stays inside, the first
 * field gets focus on open and focus returns to where it was on close. The rest of the page becomes
 * inert while it is open.
 */
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';
import { focusableIn, initialFocusIn, isolateLayer, rememberOpener } from './modal-layer.js';
import styles from './Dialog.module.css';

/** Props of {@link Dialog}. */
export interface DialogProps {
  readonly title: string;
  readonly description?: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Action buttons, right-aligned at the bottom. */
  readonly footer?: ReactNode;
  readonly size?: 'small' | 'medium' | 'large';
  /** Stops Escape and the close button while something must not be interrupted. */
  readonly busy?: boolean;
  /** Makes body and footer one form: Enter in a field submits, and footer buttons can be `type="submit"`. */
  readonly onSubmit?: () => void;
}

/** A modal dialog rendered above the app. */
export function Dialog(props: DialogProps) {
  const { title, description, onClose, children, footer, size = 'medium', busy, onSubmit } = props;
  const { t } = useTranslation('components');
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const [layer] = useState(() => {
    const element = document.createElement('div');
    element.className = 'dialog-layer';
    return element;
  });
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  useEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });

  useLayoutEffect(() => {
    const returnFocus = rememberOpener();
    document.body.appendChild(layer);
    const restore = isolateLayer(layer);
    return () => {
      restore();
      layer.remove();
      returnFocus();
    };
  }, [layer]);

  useEffect(() => {
    const panel = panelRef.current;
    if (panel) (initialFocusIn(panel) ?? panel).focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busyRef.current) closeRef.current();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    // React bubbles through portals: an outer dialog must not handle a nested dialog's Tab.
    event.stopPropagation();
    const items = focusableIn(panelRef.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const content = (
    <>
      <div className={styles.dialogBody}>{children}</div>
      {footer ? <footer className={styles.dialogFooter}>{footer}</footer> : null}
    </>
  );

  return createPortal(
    <div className={styles.dialogBackdrop}>
      <div
        ref={panelRef}
        className={`${styles.dialog} ${styles[`dialog-${size}`]}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className={styles.dialogHeader}>
          <div>
            <h2 id={titleId} className={styles.dialogTitle}>
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className={styles.dialogDescription}>
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="dialog-close icon-button"
            aria-label={t('dialog.close')}
            onClick={onClose}
            disabled={busy}
          >
            <Icon name="x" />
          </button>
        </header>
        {onSubmit ? (
          <form
            className={styles.dialogForm}
            onSubmit={(event: FormEvent) => submit(event, onSubmit)}
            noValidate
          >
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>,
    layer,
  );
}

function submit(event: FormEvent, onSubmit: () => void): void {
  event.preventDefault();
  // Submit bubbles through portals in React: a nested dialog's form must not submit its parent's.
  event.stopPropagation();
  onSubmit();
}
