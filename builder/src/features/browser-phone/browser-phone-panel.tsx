import { useEffect, useRef, useState } from 'react';
import type { FlowDocument } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { pathOf, type RunPath } from '../simulator/path-of.ts';
import { useRunPolling } from '../simulator/use-run-polling.ts';
import { draftTarget, useBrowserPhone, type PhoneProblem } from './use-browser-phone.ts';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * The browser phone: calls a flow's draft (from the editor's Test run, `draft` set) or a number
 * (the Phone page), plays its prompts, sends keypad presses, and lights the call's path.
 */
export function BrowserPhonePanel({
  draft,
  onPath,
}: {
  /** Calling a draft: its flow, its document (for the path) and the save to make first. */
  draft?: { flowId: string; doc: FlowDocument; beforeCall: () => Promise<void> };
  onPath?: (path: RunPath | null) => void;
}) {
  const t = useT();
  const phone = useBrowserPhone();
  const [number, setNumber] = useState('');
  const [calledNumber, setCalledNumber] = useState('');
  const audio = useRef<HTMLAudioElement>(null);
  const { run } = useRunPolling(phone.runId);
  const live = phone.state === 'connecting' || phone.state === 'ringing' || phone.state === 'inCall';

  useEffect(() => {
    if (audio.current) audio.current.srcObject = phone.remoteStream;
  }, [phone.remoteStream]);

  // On the document, not the `draft` object (new at every render): a new path each render would
  // re-render the editor, and so on without end.
  const doc = draft?.doc;
  useEffect(() => {
    if (doc && onPath) onPath(run ? pathOf(doc, run.steps) : null);
  }, [run, doc, onPath]);

  async function start() {
    if (draft) {
      await draft.beforeCall();
      phone.call(draftTarget(draft.flowId));
    } else {
      const target = number.replace(/[\s().-]/g, '');
      setCalledNumber(target);
      phone.call(target);
    }
  }

  return (
    <section aria-labelledby="browser-phone-title" className="flex flex-col gap-3 text-sm">
      <h2 id="browser-phone-title" className="font-semibold">
        {t('browserPhone.title')}
      </h2>
      <p className="text-slate-600">{t(draft ? 'browserPhone.introDraft' : 'browserPhone.intro')}</p>
      {!draft && (
        <label className="block font-medium">
          {t('browserPhone.number')}
          <input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            inputMode="tel"
            className="mt-1 block w-56 rounded border border-slate-300 px-2 py-1 font-mono"
          />
        </label>
      )}
      <p
        aria-live="polite"
        data-testid="browser-phone-state"
        data-state={phone.state}
        className="font-medium"
      >
        {t(`browserPhone.state.${phone.state}`)}
      </p>
      {phone.problem && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
          {problemText(t, phone.problem, calledNumber)}
        </p>
      )}
      <div className="flex gap-2">
        {live ? (
          <button
            onClick={phone.hangUp}
            className="rounded-full bg-red-600 px-4 py-2 font-semibold text-white hover:bg-red-700"
          >
            {t('browserPhone.hangUp')}
          </button>
        ) : (
          <button
            onClick={() => void start()}
            disabled={!draft && number.trim() === ''}
            className="rounded-full bg-emerald-600 px-4 py-2 font-semibold text-white hover:bg-emerald-700 disabled:opacity-50"
          >
            {t(draft ? 'browserPhone.callDraft' : 'browserPhone.call')}
          </button>
        )}
        <button
          onClick={phone.toggleMute}
          disabled={phone.state !== 'inCall'}
          aria-pressed={phone.muted}
          className="rounded-full border border-slate-400 px-4 py-2 disabled:opacity-50"
        >
          {t(phone.muted ? 'browserPhone.unmute' : 'browserPhone.mute')}
        </button>
      </div>
      <div role="group" aria-label={t('browserPhone.keypad')} className="grid w-60 grid-cols-3 gap-2">
        {keys.map((key) => (
          <button
            key={key}
            onClick={() => phone.press(key)}
            disabled={phone.state !== 'inCall'}
            aria-label={t('browserPhone.key', { key })}
            className="h-14 rounded-2xl bg-slate-100 text-2xl font-semibold hover:bg-slate-200 disabled:opacity-40"
          >
            {key}
          </button>
        ))}
      </div>
      {phone.pressed && (
        <p className="text-slate-600">{t('browserPhone.pressed', { keys: phone.pressed })}</p>
      )}
      {phone.runId && (
        <a href={`#/runs/${phone.runId}`} className="text-indigo-700 underline">
          {t('browserPhone.openRun')}
        </a>
      )}
      <audio ref={audio} autoPlay data-testid="browser-phone-audio" />
    </section>
  );
}

function problemText(t: ReturnType<typeof useT>, problem: PhoneProblem, number: string): string {
  switch (problem.kind) {
    case 'noFlow':
      return t('browserPhone.noFlow', { number });
    case 'failed':
      return t('browserPhone.failed', { reason: problem.reason });
    default:
      return t(`browserPhone.${problem.kind}`);
  }
}
