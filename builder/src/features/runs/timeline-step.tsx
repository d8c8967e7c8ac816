import { useEffect, useRef } from 'react';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { JsonTree } from '../../ui/json-tree.tsx';
import type { TimelineEntry } from './build-timeline.ts';
import { formatDuration } from './format-duration.ts';
import { usePortName } from '../canvas/use-port-name.ts';
import { runErrorText } from './run-error-text.ts';

type StepEntry = Extract<TimelineEntry, { kind: 'step' }>;

/** A step a browser test call could only pretend to do (a transfer): its output says so. */
const isSimulated = (output: unknown) => (output as { simulated?: unknown } | null)?.simulated === true;

const time = (iso: string, locale: string) =>
  new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** One step of a run: where, when, how long, which way it left, and what went in and out. */
export function TimelineStep({
  entry,
  label,
  selected,
  onSelect,
  onRetry,
}: {
  entry: StepEntry;
  label: string;
  selected: boolean;
  onSelect: () => void;
  /** Absent where retrying is not offered (details expired). */
  onRetry?: () => void;
}) {
  const t = useT();
  const portName = usePortName();
  const locale = useLocale((s) => s.locale);
  const item = useRef<HTMLLIElement>(null);
  const { step } = entry;
  useEffect(() => {
    if (selected) item.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const failed = step.error !== null;
  return (
    <li
      ref={item}
      data-seq={step.seq}
      data-node={step.nodeId}
      aria-current={selected || undefined}
      className={`rounded-lg border p-2 ${failed ? 'border-red-300 bg-red-50' : entry.open ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'} ${selected ? 'ring-2 ring-indigo-500' : ''}`}
    >
      <button type="button" onClick={onSelect} className="flex w-full items-baseline gap-2 text-left">
        <span className="font-medium">{label}</span>
        <span className="truncate font-mono text-xs text-slate-500">{step.nodeType}</span>
        <span className="ml-auto text-xs whitespace-nowrap text-slate-600 tabular-nums">
          {entry.open
            ? t('run.step.open')
            : entry.durationMs === null
              ? '—'
              : formatDuration(entry.durationMs, locale)}
        </span>
      </button>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-700">
        <dt>{t('run.step.entered')}</dt>
        <dd className="tabular-nums">{time(step.enteredAt, locale)}</dd>
        {step.leftAt && (
          <>
            <dt>{t('run.step.left')}</dt>
            <dd className="tabular-nums">{time(step.leftAt, locale)}</dd>
          </>
        )}
        {step.port && (
          <>
            <dt>{t('run.step.port')}</dt>
            <dd>
              {portName(step.port)}
              {isSimulated(step.output) && (
                <span
                  className="ml-2 rounded bg-amber-100 px-1 text-amber-900"
                  title={t('run.step.simulatedHint')}
                  data-testid="step-simulated"
                >
                  {t('run.step.simulated')}
                </span>
              )}
            </dd>
          </>
        )}
        {step.attempts !== null && (
          <>
            <dt>{t('run.step.attempts')}</dt>
            <dd className={step.attempts > 1 ? 'font-semibold text-amber-800' : ''}>{step.attempts}</dd>
          </>
        )}
      </dl>
      {step.error && (
        <p className="mt-1 text-sm text-red-700" data-testid="step-error">
          {runErrorText(t, step.error)}
          {step.error.code && (
            <span className="ml-1 rounded bg-red-100 px-1 font-mono text-xs">{step.error.code}</span>
          )}
        </p>
      )}
      <div className="mt-1 space-y-0.5">
        <JsonTree label={t('run.step.input')} value={step.input} />
        <JsonTree label={t('run.step.output')} value={step.output} />
      </div>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-1 text-xs text-indigo-700 hover:underline"
          aria-label={t('run.step.retryNamed', { node: label })}
        >
          {t('run.step.retry')}
        </button>
      )}
    </li>
  );
}
