import { Fragment } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import type { KeyCap } from './canvas-shortcuts.ts';

/** Key caps joined by "+", e.g. Ctrl/⌘ + Shift + Z. */
export function KeyCombo({ caps }: { caps: readonly KeyCap[] }) {
  const t = useT();
  return (
    <span className="inline-flex items-center gap-1">
      {caps.map((cap, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true">+</span>}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
            {'word' in cap ? t(cap.word) : cap.char}
          </kbd>
        </Fragment>
      ))}
    </span>
  );
}
