import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-i18n.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `text` to the clipboard and says so for a moment. `what` completes its accessible name
 * ("Copy the embed code") so several copy buttons on a screen stay apart for screen readers.
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const t = useT();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      // The Clipboard API exists only in secure contexts: a self-hosted server on plain http
      // has none, so the person is told to copy by hand rather than left thinking it worked.
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="inline-flex shrink-0 items-center gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={t('common.copy', { what })}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50"
      >
        {t('common.copyButton')}
      </button>
      <span
        aria-live="polite"
        className={`text-xs ${state === 'failed' ? 'text-red-700' : 'text-slate-600'}`}
      >
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
