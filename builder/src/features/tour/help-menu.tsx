import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { useTour } from './tour-store.ts';

/** Help in the top bar: the guided tour again, and the user guide the app serves at /docs. */
export function HelpMenu({ userId }: { userId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => useTour.getState().setUser(userId), [userId]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => menu.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const item = 'block w-full px-3 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100';
  return (
    <div ref={menu} className="relative">
      <button
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="text-sm text-slate-700 hover:underline"
      >
        {t('help.menu')}
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 z-50 mt-1 w-56 rounded border border-slate-200 bg-white py-1 shadow"
        >
          <button
            role="menuitem"
            className={item}
            onClick={() => {
              setOpen(false);
              useTour.getState().start();
            }}
          >
            {t('help.tour')}
          </button>
          <a role="menuitem" className={item} href={`/docs/${locale}`} target="_blank" rel="noreferrer">
            {t('help.guide')}
          </a>
          <a role="menuitem" className={item} href={`/docs/${locale}/nodes`} target="_blank" rel="noreferrer">
            {t('help.nodes')}
          </a>
        </div>
      )}
    </div>
  );
}
