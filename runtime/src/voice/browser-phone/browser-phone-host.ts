import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { flows, newId } from '@omniflow/db';
import type { FlowDocument } from '../../graph/flow-schema.ts';
import { voiceInboundCall } from '@omniflow/nodes';
import { AudioLoader, createPromptCache, PlacedSipCall } from '@omniflow/nodes/drivers/voice';
import { flowDocumentSchema } from '../../graph/flow-schema.ts';
import { validateFlow } from '../../graph/validate-flow.ts';
import { draftTestVersion } from '../../runs/draft-test-version.ts';
import { CallRegistry } from '../call-registry.ts';
import { startCallWorker, type CallHostDeps, type CallWorker } from '../call-worker.ts';
import { findCallFlow } from '../find-call-flow.ts';
import { runCallFlow, type CallFlowVersion } from '../take-call.ts';
import { BrowserCallLeg } from './browser-call-leg.ts';
import { SipWebSocketSession, type BrowserInvite, type SipSocket } from './sip-websocket-session.ts';
import { WebRtcMedia, type WebRtcMediaOptions } from './webrtc-media.ts';

export interface BrowserPhoneHostDeps extends CallHostDeps {
  /** Where synthesised prompts are cached (the SIP endpoint's folder by default). */
  promptDir?: string;
  media?: WebRtcMediaOptions;
}

/** Who is calling: the signed-in designer the WebSocket belongs to. */
export interface BrowserCaller {
  workspaceId: string;
  userId: string | null;
}

/** The request-URI user that calls a flow's current draft rather than a published number. */
export const draftTarget = (flowId: string) => `draft-${flowId}`;

/** The header of the 200 OK that names the call's run, so the phone can show its path. */
export const runIdHeader = 'x-omniflow-run-id';

/**
 * Calls from browsers (the builder's phone): each WebSocket is a SIP user agent server, each call
 * a WebRTC media leg joined to the same call pipeline as a SIP caller's. Calls are held here, in
 * the API process the browser is connected to, with a call-queue worker of their own, started on
 * the first call so an API nobody calls from does not poll for one.
 */
export interface BrowserPhoneHost {
  /** A signed-in browser opened the phone's WebSocket. */
  connect(caller: BrowserCaller, socket: SipSocket): { receive(text: string): void; close(): void };
  stop(): Promise<void>;
}

export function createBrowserPhoneHost(deps: BrowserPhoneHostDeps): BrowserPhoneHost {
  const calls = new CallRegistry();
  const report =
    deps.onError ?? ((error, where) => console.warn(`Browser phone ${where}: ${messageOf(error)}`));
  const env = deps.env ?? process.env;
  const audio = new AudioLoader({ allowPrivate: env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1' });
  const prompts = createPromptCache({
    dir: deps.promptDir ?? env.OMNIFLOW_PROMPT_DIR ?? join(env.OMNIFLOW_HOME ?? '.omniflow', 'prompts'),
  });
  let worker: Promise<CallWorker> | undefined;
  const callWorker = () => {
    worker ??= startCallWorker(deps, calls).catch((error: unknown) => {
      worker = undefined;
      throw error;
    });
    return worker;
  };
  const legs = new Set<BrowserCallLeg>();
  const handling = new Set<Promise<void>>();

  /** The version a call runs, or why there is none (a SIP status and reason the phone shows). */
  async function versionFor(
    caller: BrowserCaller,
    target: string,
  ): Promise<{ version: CallFlowVersion; to: string; test: boolean } | { status: number; reason: string }> {
    const draft = /^draft-([0-9a-f-]{36})$/i.exec(target);
    if (draft) {
      const [flow] = await deps.db
        .select()
        .from(flows)
        .where(and(eq(flows.id, draft[1]!), eq(flows.workspaceId, caller.workspaceId)));
      if (!flow) return { status: 404, reason: 'No such flow' };
      const trigger = triggerOf(flow.draft as FlowDocument);
      const config =
        trigger?.type === voiceInboundCall.type
          ? voiceInboundCall.config.safeParse(trigger.config)
          : undefined;
      if (!config) return { status: 415, reason: 'This flow does not answer calls' };
      const graph = flowDocumentSchema.safeParse(flow.draft);
      if (!graph.success || !validateFlow(graph.data, deps.registry).ok)
        return { status: 400, reason: 'Fix the flow first' };
      const version = await draftTestVersion(deps, flow, graph.data, caller.userId);
      return { version, to: config.success ? (config.data.numbers[0] ?? target) : target, test: true };
    }
    if (!/^\+?[0-9*#]{1,32}$/.test(target)) return { status: 404, reason: 'No flow answers this number' };
    const version = await findCallFlow(deps.db, target, caller.workspaceId);
    if (!version) return { status: 404, reason: 'No flow answers this number' };
    return { version, to: target, test: false };
  }

  async function take(caller: BrowserCaller, invite: BrowserInvite): Promise<void> {
    const startedAt = new Date();
    const found = await versionFor(caller, invite.target);
    if ('status' in found) return invite.reject(found.status, found.reason);
    const line = { calls, callQueue: (await callWorker()).callQueue, driver: 'browser' };
    let media: WebRtcMedia;
    try {
      media = await WebRtcMedia.answer(invite.offerSdp, deps.media);
    } catch (error) {
      report(error, `call ${invite.callId}`);
      return invite.reject(488, 'Not Acceptable Here');
    }
    if (invite.signal.aborted) return void media.close();
    const runId = newId();
    const dialog = invite.accept(media.answerSdp, [{ name: runIdHeader, value: runId }]);
    const leg = new BrowserCallLeg(media, () => dialog.bye());
    legs.add(leg);
    dialog.onEnded(() => leg.remoteHangup());
    void leg.ended.finally(() => legs.delete(leg));
    try {
      // Prompts start when the browser can hear them, not while DTLS is still being set up.
      await media.connected();
    } catch (error) {
      report(error, `call ${invite.callId}`);
      await leg.hangup();
      return;
    }
    if (leg.isEnded) return;
    const from = invite.from || 'browser';
    // Its leg reaches no SIP destination: a transfer is simulated, so every path can be tried.
    const call = new PlacedSipCall(leg, from, found.to, {
      audio,
      prompts,
      now: () => new Date(),
      simulatesTransfer: true,
    });
    await runCallFlow(deps, line, call, found.version, {
      input: { callId: call.id, from, to: found.to },
      contact: from,
      startedAt,
      runId,
      test: found.test,
    });
  }

  return {
    connect(caller, socket) {
      const session = new SipWebSocketSession(
        socket,
        (invite) => {
          const handled = take(caller, invite).catch((error: unknown) => {
            report(error, `call ${invite.callId}`);
            invite.reject(500, 'Server Internal Error');
          });
          handling.add(handled);
          void handled.finally(() => handling.delete(handled));
        },
        (error) => report(error, 'SIP over WebSocket'),
      );
      return { receive: (text) => session.receive(text), close: () => session.close() };
    },
    async stop() {
      for (const leg of legs) await leg.hangup();
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(handling),
        new Promise((resolve) => {
          bound = setTimeout(resolve, 10_000);
        }),
      ]);
      clearTimeout(bound);
      const started = await worker?.catch(() => undefined);
      await started?.stop();
    },
  };
}

function triggerOf(graph: FlowDocument | null | undefined) {
  if (!graph?.nodes) return undefined;
  return graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
