import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { tourSteps } from './tour-steps.ts';
import { useTour } from './tour-store.ts';

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * A few steps over the editor — palette, canvas, inspector, problems, test run, publish — each
 * outlining its part of the screen. Opens by itself on a person's first visit to a flow (`autoStart`)
 * and from Help → Guided tour; Escape or "Skip the tour" closes it for good.
 */
export function GuidedTour({ autoStart }: { autoStart: boolean }) {
  const t = useT();
  const { open, step, go, dismiss, startIfNew, userId } = useTour();
  const [box, setBox] = useState<Box | null>(null);

  useEffect(() => {
    if (autoStart && userId) startIfNew();
  }, [autoStart, userId, startIfNew]);

  const current = tourSteps[step];
  useEffect(() => {
    if (!open || !current) return;
    // The editor lays itself out after it loads: look for the part again until it is there.
    const measure = () => {
      const rect = current.target(t)?.getBoundingClientRect();
      setBox(
        rect && rect.width > 0
          ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
          : null,
      );
    };
    measure();
    const timer = setInterval(measure, 500);
    window.addEventListener('resize', measure);
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', measure);
    };
  }, [open, current, t]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && dismiss();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, dismiss]);

  if (!open || !current) return null;
  const last = step === tourSteps.length - 1;
  return (
    <>
      {box && (
        <div
          aria-hidden="true"
          data-testid="tour-highlight"
          className="pointer-events-none fixed z-40 rounded-lg ring-4 ring-amber-400"
          style={{ top: box.top - 4, left: box.left - 4, width: box.width + 8, height: box.height + 8 }}
        />
      )}
      <div
        role="dialog"
        aria-label={t('tour.label')}
        aria-describedby="tour-text"
        className="fixed bottom-6 left-1/2 z-50 w-96 -translate-x-1/2 rounded-lg border border-slate-200 bg-white p-4 shadow-xl"
      >
        <p className="text-xs text-slate-500">
          {t('tour.progress', { step: step + 1, total: tourSteps.length })}
        </p>
        <h2 className="font-semibold">{t(current.title)}</h2>
        <p id="tour-text" className="mt-1 text-sm text-slate-700">
          {t(current.text)}
        </p>
        <div className="mt-3 flex items-center gap-2">
          <button onClick={dismiss} className="mr-auto text-sm text-slate-600 hover:underline">
            {t('tour.skip')}
          </button>
          {step > 0 && (
            <button
              onClick={() => go(step - 1)}
              className="rounded border border-slate-300 px-3 py-1 text-sm"
            >
              {t('tour.back')}
            </button>
          )}
          <button
            onClick={() => (last ? dismiss() : go(step + 1))}
            className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white"
          >
            {last ? t('tour.done') : t('tour.next')}
          </button>
        </div>
      </div>
    </>
  );
}
