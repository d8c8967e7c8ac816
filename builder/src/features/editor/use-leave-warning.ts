import { useEffect, useRef } from 'react';
import { translate, useLocale } from '../../i18n/use-i18n.ts';

/**
 * While `unsaved`, leaving asks first: closing or reloading the tab (the browser's own
 * beforeunload prompt) and following an in-app link (`#/…`, the header's Back and menu).
 */
export function useLeaveWarning(unsaved: boolean) {
  const latest = useRef(unsaved);
  latest.current = unsaved;
  useEffect(() => {
    function beforeUnload(event: BeforeUnloadEvent) {
      if (!latest.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    }
    function onClick(event: MouseEvent) {
      if (!latest.current || event.defaultPrevented || !(event.target instanceof Element)) return;
      const link = event.target.closest('a[href^="#"]');
      if (!link || link.getAttribute('href') === location.hash) return;
      if (!confirm(translate(useLocale.getState().locale, 'guard.leaveUnsaved'))) event.preventDefault();
    }
    addEventListener('beforeunload', beforeUnload);
    // Capture: decided before the hash changes and the editor unmounts.
    document.addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
}
