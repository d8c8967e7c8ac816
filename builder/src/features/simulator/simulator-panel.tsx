import { useEffect, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { FlowDocument, MessagingChannel, RunEventInput } from '../../api/types.ts';
import { channels } from '../phone/channels.ts';
import { ChatSimulator, type SimulatorConversation } from './chat-simulator.tsx';
import { chatChannelOf } from './chat-channel-of.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { pathOf, type RunPath } from './path-of.ts';
import { ReplyBox } from './reply-box.tsx';
import { runErrorText } from '../runs/run-error-text.ts';
import { flowInvalidText } from '../editor/flow-invalid-text.ts';
import { declaredInputs } from './declared-inputs.ts';
import { TriggerInputForm, type InputValues } from './trigger-input-form.tsx';
import { missingInputs, withRequiredAnswers } from './missing-inputs.ts';
import { BrowserPhonePanel } from '../browser-phone/browser-phone-panel.tsx';
import { isVoiceFlow } from '../browser-phone/is-voice-flow.ts';
import { useRunPolling, type RunStep } from './use-run-polling.ts';

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the current draft for real (a test run) and shows it as a conversation: each step the
 * flow takes, the events it waits for as buttons, and its output; the path lights up on the canvas.
 */
export function SimulatorPanel(props: Parameters<typeof RunSimulator>[0]) {
  // A voice flow is tested by calling it: the browser phone, with the path lit as the call goes.
  return isVoiceFlow(props.doc) ? (
    <BrowserPhonePanel
      draft={{ flowId: props.flowId, doc: props.doc, beforeCall: props.beforeRun }}
      onPath={props.onPath}
    />
  ) : (
    <RunSimulator {...props} />
  );
}

function RunSimulator({
  flowId,
  doc,
  beforeRun,
  onPath,
}: {
  flowId: string;
  doc: FlowDocument;
  /** Makes sure the server has the latest draft (autosave may still be pending). */
  beforeRun: () => Promise<void>;
  onPath: (path: RunPath | null) => void;
}) {
  const t = useT();
  const [input, setInput] = useState('{}');
  const [formValues, setFormValues] = useState<InputValues>({});
  const [missing, setMissing] = useState<string[]>([]);
  const inputs = declaredInputs(doc);
  const [eventData, setEventData] = useState('{}');
  const [runId, setRunId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<RunStep | null>(null);
  const { run, refresh } = useRunPolling(runId);
  const triggerChannel = chatChannelOf(doc);
  const [pickedChannel, setPickedChannel] = useState<MessagingChannel>('whatsapp');
  const chatChannel = triggerChannel === 'any' ? pickedChannel : triggerChannel;
  const [conversation, setConversation] = useState<SimulatorConversation | null>(null);
  const live = run?.status === 'running' || run?.status === 'waiting';

  useEffect(() => {
    onPath(run ? pathOf(doc, run.steps) : null);
  }, [run, doc, onPath]);

  async function start() {
    const parsed = parseObject(input);
    if (!parsed) return setProblem(t('simulator.inputInvalid'));
    // What the start marks required is asked for here, by its label, before any run starts.
    const given = withRequiredAnswers(inputs ?? [], { ...parsed, ...formValues });
    const left = missingInputs(inputs ?? [], given);
    setMissing(left.map((input) => input.name));
    if (left.length > 0)
      return setProblem(t('triggerInput.missing', { fields: left.map((input) => input.label).join(', ') }));
    setProblem(null);
    setSelected(null);
    try {
      await beforeRun();
      const started = await ok(
        client.POST('/flows/{id}/test-runs', {
          params: { path: { id: flowId } },
          body: { input: given },
        }),
      );
      setRunId(started.id);
    } catch (e) {
      setProblem(
        e instanceof ApiError && e.status === 422
          ? t('simulator.fixFirst', { message: flowInvalidText(e, t) })
          : (e as Error).message,
      );
    }
  }

  /** Sends the waiting run an event, or skips its wait (`event` undefined). */
  async function send(event?: RunEventInput) {
    if (!runId) return;
    const path = { params: { path: { id: runId } } };
    try {
      await ok(
        event
          ? client.POST('/runs/{id}/events', { ...path, body: event })
          : client.POST('/runs/{id}/skip-wait', path),
      );
    } catch (e) {
      setProblem((e as Error).message);
    }
    refresh();
  }

  const waitingNode =
    run?.status === 'waiting' ? doc.nodes.find((n) => n.id === run.currentNodes[0]) : undefined;
  const eventName =
    waitingNode?.type === 'logic.wait-for-event' ? String(waitingNode.config.event ?? '') : undefined;
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label || id;

  return (
    <section aria-labelledby="simulator-title" className="flex h-full flex-col gap-2 p-3 text-sm">
      <h2 id="simulator-title" className="font-semibold">
        {t('simulator.title')}
      </h2>
      {chatChannel ? (
        <>
          {triggerChannel === 'any' && (
            <label className="block">
              {t('simulator.chatChannel')}
              <select
                value={pickedChannel}
                onChange={(e) => setPickedChannel(e.target.value as MessagingChannel)}
                className="ml-2 rounded border border-slate-300 px-1"
              >
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {t(`phone.channel.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ChatSimulator
            flowId={flowId}
            channel={chatChannel}
            conversation={conversation}
            live={live}
            beforeRun={beforeRun}
            onStarted={(id, started) => {
              setSelected(null);
              setConversation(started);
              setRunId(id);
            }}
            onSent={refresh}
            onProblem={setProblem}
          />
          {conversation && (
            <button
              onClick={() => {
                setConversation(null);
                setRunId(null);
              }}
              className="self-start rounded border border-slate-400 px-2 py-1"
            >
              {t('simulator.newChat')}
            </button>
          )}
        </>
      ) : (
        <>
          {inputs && (
            <TriggerInputForm
              inputs={inputs}
              values={formValues}
              onChange={setFormValues}
              missing={missing}
            />
          )}
          {/* Raw JSON is for what a form cannot say (a call's or a message's trigger data). */}
          <details>
            <summary className="cursor-pointer text-xs text-slate-600">{t('advanced.section')}</summary>
            <label className="mt-1 block">
              {t('simulator.input')}
              <textarea
                value={input}
                onChange={(e) => setInput(e.target.value)}
                rows={3}
                className="mt-1 w-full rounded border border-slate-300 p-1 font-mono text-xs"
              />
            </label>
          </details>
          <button
            onClick={() => void start()}
            className="rounded bg-emerald-600 px-3 py-1 font-medium text-white"
          >
            {run ? t('simulator.restart') : t('simulator.start')}
          </button>
        </>
      )}
      {problem && (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      )}
      {run && (
        <div className="flex min-h-0 flex-1 flex-col gap-2">
          <p data-testid="sim-status" data-status={run.status}>
            {t('simulator.status', { status: run.status })}
          </p>
          <ol className="min-h-0 flex-1 space-y-1 overflow-auto" aria-live="polite">
            {run.steps.map((step) => (
              <li key={step.seq}>
                <button
                  onClick={() => setSelected(step)}
                  className="w-full rounded-lg bg-slate-100 px-2 py-1 text-left hover:bg-slate-200"
                  data-testid="sim-step"
                >
                  {step.leftAt
                    ? t('simulator.step', { node: label(step.nodeId), port: step.port ?? '■' })
                    : t('simulator.stepOpen', { node: label(step.nodeId) })}
                </button>
              </li>
            ))}
          </ol>
          {waitingNode && (
            <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2">
              <p>{t('simulator.waitingFor', { node: label(waitingNode.id) })}</p>
              {eventName && (
                <>
                  <label className="block">
                    {t('simulator.eventData')}
                    <input
                      value={eventData}
                      onChange={(e) => setEventData(e.target.value)}
                      className="mt-1 w-full rounded border border-slate-300 px-1 font-mono text-xs"
                    />
                  </label>
                  <button
                    onClick={() => void send({ type: eventName, data: parseObject(eventData) ?? {} })}
                    className="rounded bg-indigo-600 px-2 py-1 text-white"
                  >
                    {t('simulator.sendEvent', { event: eventName })}
                  </button>
                </>
              )}
              <button onClick={() => void send()} className="ml-2 rounded border border-slate-400 px-2 py-1">
                {t('simulator.skipWait')}
              </button>
            </div>
          )}
          {live && !chatChannel && <ReplyBox onEvent={(type, data) => void send({ type, data })} />}
          {run.status === 'completed' && run.output !== null && (
            <div>
              <h3 className="font-medium">{t('simulator.output')}</h3>
              <pre
                className="overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100"
                data-testid="sim-output"
              >
                {JSON.stringify(run.output, null, 2)}
              </pre>
            </div>
          )}
          {run.status === 'failed' && (
            <pre role="alert" className="overflow-auto rounded bg-red-50 p-2 text-xs text-red-800">
              {run.error ? runErrorText(t, run.error) : ''}
            </pre>
          )}
          {selected && (
            <div aria-label={t('simulator.details')}>
              <h3 className="font-medium">{t('simulator.stepInput')}</h3>
              <pre className="overflow-auto rounded bg-slate-100 p-1 text-xs">
                {JSON.stringify(selected.input, null, 2)}
              </pre>
              <h3 className="font-medium">{t('simulator.stepOutput')}</h3>
              <pre className="overflow-auto rounded bg-slate-100 p-1 text-xs">
                {JSON.stringify(selected.output, null, 2)}
              </pre>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
