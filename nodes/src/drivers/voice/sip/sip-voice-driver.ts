import type { Call, VoiceDriver } from '../voice-driver.ts';
import { AudioLoader } from './audio-loader.ts';
import { OutboundLeg, type DialResult } from './outbound-leg.ts';
import { PlacedSipCall } from './placed-call.ts';
import { resolveTransferTarget } from './transfer-target.ts';
import { ClientTransactions } from './client-transactions.ts';
import { RtpPortPool } from './rtp-port-pool.ts';
import { allowedMethods, SipCall, type PromptSynthesizer } from './sip-call.ts';
import {
  sipEndpointOptionsSchema,
  type SipEndpointOptions,
  type SipEndpointOptionsInput,
} from './sip-endpoint-options.ts';
import {
  buildResponse,
  getHeader,
  parseNameAddr,
  topViaBranch,
  type SipMessage,
  type SipRequest,
} from './sip-message.ts';
import { ServerTransactions } from './server-transactions.ts';
import { SipTransport, type SipRemote } from './sip-transport.ts';

export interface SipVoiceDriverDependencies {
  /** Text-to-speech for `Call.say`; without it `say` fails with NO_TTS_CONFIGURED. */
  prompts?: PromptSynthesizer;
  /** Protocol trouble that is not any one call's: unparsable datagrams, socket errors. */
  onError?: (error: Error) => void;
  now?: () => Date;
  /** Let `play` fetch audio URLs on private addresses (OMNIFLOW_HTTP_ALLOW_PRIVATE=1); off by default. */
  allowPrivateAudio?: boolean;
}

/**
 * The built-in SIP endpoint (issue #6): a user agent server that answers inbound calls over UDP
 * and TCP and hands each to the runtime as a `Call`. The dialled number (request-URI user) is
 * `call.to`, which selects the flow.
 */
export class SipVoiceDriver implements VoiceDriver {
  readonly options: SipEndpointOptions;
  private readonly transport: SipTransport;
  private readonly servers: ServerTransactions;
  private readonly clients: ClientTransactions;
  private readonly ports: RtpPortPool;
  private readonly audio: AudioLoader;
  private readonly calls = new Map<string, SipCall>();
  /** Calls we placed (transfer targets, agents), by Call-ID: their in-dialog requests go to them. */
  private readonly legs = new Map<string, OutboundLeg>();
  private readonly handlers = new Set<(call: Call) => void>();
  /** Calls we placed to people (campaigns) that were answered, until they end. */
  private readonly placed = new Set<PlacedSipCall>();
  private started = false;

  constructor(
    options: SipEndpointOptionsInput = {},
    private readonly deps: SipVoiceDriverDependencies = {},
  ) {
    this.options = sipEndpointOptionsSchema.parse(options);
    this.audio = new AudioLoader({ allowPrivate: deps.allowPrivateAudio ?? false });
    this.transport = new SipTransport({
      host: this.options.host,
      port: this.options.port,
      protocols: this.options.transports,
      onMessage: (message, remote) => this.receive(message, remote),
      onError: (error) => this.deps.onError?.(error),
    });
    this.servers = new ServerTransactions((response, remote) => this.transport.send(response, remote));
    this.clients = new ClientTransactions((request, remote) => this.transport.send(request, remote));
    this.ports = new RtpPortPool(this.options.host, this.options.rtpPortMin, this.options.rtpPortMax);
  }

  /** The SIP port actually bound (differs from options.port when that was 0). */
  get port(): number {
    return this.transport.port;
  }

  /** Calls not yet over. */
  get activeCalls(): number {
    return this.calls.size;
  }

  /**
   * Calls a person (a number goes to the trunk, a SIP URI to its host) and waits until they
   * answer, refuse (busy), let it ring past `ringTimeoutMs` (no-answer) or it fails; `call` only
   * when answered, live on this endpoint's media.
   */
  async placeCall(
    to: string,
    options: { callerId: string; ringTimeoutMs?: number; signal?: AbortSignal },
  ): Promise<Omit<DialResult, 'leg'> & { call?: PlacedSipCall }> {
    if (!this.started) throw new Error('The SIP endpoint is not started');
    const target = resolveTransferTarget(to, this.options.trunk);
    const result = await OutboundLeg.dial(
      target,
      {
        fromUser: options.callerId,
        ringTimeoutMs: options.ringTimeoutMs ?? this.options.ringTimeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      {
        local: this.localContact(),
        mediaAddress: this.options.publicAddress ?? this.options.host,
        ports: this.ports,
        clients: this.clients,
        register: (leg) => this.registerLeg(leg),
      },
    );
    if (!result.leg) return { outcome: result.outcome, status: result.status };
    const call = new PlacedSipCall(result.leg, options.callerId, to, {
      audio: this.audio,
      prompts: this.deps.prompts,
      now: this.deps.now ?? (() => new Date()),
    });
    this.placed.add(call);
    void call.ended.then(() => this.placed.delete(call));
    return { outcome: result.outcome, status: result.status, call };
  }

  private localContact() {
    return {
      host: this.options.publicAddress ?? this.options.host,
      port: this.transport.port,
      userAgent: this.options.userAgent,
    };
  }

  private registerLeg(leg: OutboundLeg): () => void {
    this.legs.set(leg.dialog.callId, leg);
    return () => {
      if (this.legs.get(leg.dialog.callId) === leg) this.legs.delete(leg.dialog.callId);
    };
  }

  onCall(handler: (call: Call) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.transport.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const call of [...this.calls.values()]) call.abort();
    for (const call of [...this.placed]) call.abort();
    // The BYEs go out now; their answers are not awaited (clear() below gives up on them).
    for (const leg of [...this.legs.values()]) void leg.hangup();
    this.servers.clear();
    this.clients.clear();
    await this.transport.stop();
  }

  private receive(message: SipMessage, remote: SipRemote): void {
    try {
      if (message.kind === 'response') this.clients.handleResponse(message);
      else this.receiveRequest(message, remote);
    } catch (error) {
      this.deps.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private receiveRequest(request: SipRequest, remote: SipRemote): void {
    const callId = getHeader(request, 'call-id') ?? '';
    if (request.method === 'ACK') {
      if (this.servers.absorbAck(request)) return;
      this.calls.get(callId)?.handleAck(request);
      return;
    }
    if (this.servers.absorbRetransmission(request)) return;
    const transaction = this.servers.create(request, remote);

    if (request.method === 'CANCEL') {
      // RFC 3261 §9.2: a CANCEL matches the INVITE transaction with the same branch.
      const invite = this.servers.find(topViaBranch(request), 'INVITE');
      const call = this.calls.get(callId);
      if (!invite || !call) {
        transaction.respond(buildResponse(request, 481, 'Call/Transaction Does Not Exist'));
        return;
      }
      call.handleRequest(request, transaction);
      return;
    }

    const toTag = parseNameAddr(getHeader(request, 'to') ?? '').params.get('tag');
    const leg = this.legs.get(callId);
    if (leg && leg.dialog.matches(request)) {
      leg.handleRequest(request, transaction);
      return;
    }
    if (toTag !== undefined) {
      const call = this.calls.get(callId);
      if (call && call.dialog.localTag === toTag) call.handleRequest(request, transaction);
      else transaction.respond(buildResponse(request, 481, 'Call/Transaction Does Not Exist'));
      return;
    }

    switch (request.method) {
      case 'INVITE':
        return this.receiveInvite(request, transaction);
      case 'OPTIONS':
        // Keep-alive pings from trunks and PBXs (and sipp -sn options): answer 200 with capabilities.
        transaction.respond(
          buildResponse(request, 200, 'OK', {
            toTag: 'omniflow',
            headers: [
              { name: 'allow', value: allowedMethods },
              { name: 'accept', value: 'application/sdp, application/dtmf-relay' },
              { name: 'user-agent', value: this.options.userAgent },
            ],
          }),
        );
        return;
      default:
        transaction.respond(
          buildResponse(request, 405, 'Method Not Allowed', {
            toTag: 'omniflow',
            headers: [{ name: 'allow', value: allowedMethods }],
          }),
        );
    }
  }

  private receiveInvite(invite: SipRequest, transaction: ReturnType<ServerTransactions['create']>): void {
    const callId = getHeader(invite, 'call-id') ?? '';
    // RFC 3261 §8.2.2.2: a second INVITE for a call we already have (new branch, no To tag) is a merged request.
    if (this.calls.has(callId)) {
      transaction.respond(buildResponse(invite, 482, 'Loop Detected'));
      return;
    }
    transaction.respond(buildResponse(invite, 100, 'Trying'));
    if (this.handlers.size === 0) {
      transaction.respond(buildResponse(invite, 480, 'Temporarily Unavailable', { toTag: 'omniflow' }));
      return;
    }
    const local = {
      host: this.options.publicAddress ?? this.options.host,
      port: this.transport.port,
      userAgent: this.options.userAgent,
    };
    const mediaAddress = this.options.publicAddress ?? this.options.host;
    const call = new SipCall(invite, transaction, {
      local,
      mediaAddress,
      ports: this.ports,
      audio: this.audio,
      clients: this.clients,
      send: (message, to) => this.transport.send(message, to),
      prompts: this.deps.prompts,
      transferTimeoutMs: this.options.transferTimeoutMs,
      bridge: {
        local,
        mediaAddress,
        ports: this.ports,
        clients: this.clients,
        trunk: this.options.trunk,
        defaultRingTimeoutMs: this.options.ringTimeoutMs,
        register: (leg) => {
          this.legs.set(leg.dialog.callId, leg);
          return () => {
            if (this.legs.get(leg.dialog.callId) === leg) this.legs.delete(leg.dialog.callId);
          };
        },
      },
      now: this.deps.now ?? (() => new Date()),
      onEnded: (ended) => {
        if (this.calls.get(ended.callId) === ended) this.calls.delete(ended.callId);
      },
    });
    this.calls.set(callId, call);
    call.ring();
    for (const handler of this.handlers) handler(call);
  }
}
