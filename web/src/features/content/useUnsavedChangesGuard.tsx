import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ConfirmModal } from '../../shared/components/ConfirmModal';

/**
 * Warns before unsaved changes are lost: closing or reloading the tab asks the browser's question, and a link
 * to another page of the app asks ours first ("Leave without saving?").
 *
 * The app's router is not a data router (no `useBlocker`), so links are caught as they are clicked, before
 * the router sees them. The browser's back button is not caught; the tab's closing is.
 */
export function useUnsavedChangesGuard(when: boolean) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!when) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a value; the text itself is the browser's own.
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      // Links inside the text being written are text, not navigation.
      if (anchor.closest('[contenteditable="true"]')) return;
      if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // the page unloads: the browser asks
      if (url.pathname === here.current.pathname && url.search === here.current.search) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [when]);

  return (
    <ConfirmModal
      opened={pending !== null}
      title={t('content.leave.title')}
      message={t('content.leave.message')}
      confirmLabel={t('content.leave.confirm')}
      danger
      onClose={() => setPending(null)}
      onConfirm={() => {
        const to = pending;
        setPending(null);
        if (to) void navigate(to);
      }}
    />
  );
}
