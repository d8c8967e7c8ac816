import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { verifyTwilioSignature } from '../../twilio/twilio-signature.ts';
import { encodeWav } from '../sip/wav-file.ts';
import { VoiceError } from '../sip/voice-error.ts';
import type { AudioSource, Call, TransferOutcome, VoiceDriver } from '../voice-driver.ts';
import { readWavInfo } from '../wav-info.ts';
import { TwimlCall, type ProviderRequestKind, type TwimlCallContext } from './twiml-call.ts';
import { renderTwiml, type TwimlVerb } from './twiml-document.ts';
import { finalCallStatuses, twilioCallParams } from './twilio-voice-params.ts';

export interface TwimlVoiceDriverOptions {
  /**
   * The public URL of this line's voice webhook, as configured at the provider (e.g.
   * https://omniflow.example/api/v1/webhooks/twilio/<workspace>/voice). The provider signs
   * requests over it, and every URL we hand the provider (continue, actions, audio) is under it.
   */
  webhookUrl: string;
  /** The account's auth token: signatures are checked and recordings fetched with it. */
  authToken: () => string | undefined | Promise<string | undefined>;
  /** How long a webhook request is held waiting for the flow (default 10 s; providers give up at ~15 s). */
  heldRequestMs?: number;
  /** How long after a say/play the answer waits for more verbs to go with it (default 0: next tick). */
  idleGapMs?: number;
  /** How long a transfer rings (default 30 s). */
  dialTimeoutSeconds?: number;
  /** Played in a loop while a call is on hold (default: silence, in 2 s pauses). */
  holdAudio?: AudioSource;
  fetch?: typeof fetch;
  now?: () => Date;
}

const callPath = /^\/calls\/(CA[0-9A-Za-z]{1,64})\/([a-z]+)\/(\d{1,9})$/;
const audioPath = /^\/audio\/([0-9a-f]{64})\.(wav|mp3)$/;
const returnKinds: readonly string[] = [
  'continue',
  'gathered',
  'recorded',
  'dialled',
] satisfies ProviderRequestKind[];
const isReturnKind = (kind: string): kind is ProviderRequestKind => returnKinds.includes(kind);

/** A call we asked the provider to place, until it is answered or ends unanswered. */
interface Placing {
  from: string;
  to: string;
  /** The placing account's token: the provider signs this call's webhooks with it. */
  token: string;
  settle: (placed: PlacedTwimlCall) => void;
}

/** What placing a call came to: the live call once the person answered. */
export interface PlacedTwimlCall {
  outcome: TransferOutcome;
  call?: Call;
  /** The provider's CallStatus or error when not answered. */
  reason?: string;
}

/** The account calls are placed with (Twilio's REST API, or a compatible one at `baseUrl`). */
export interface TwimlAccount {
  accountSid: string;
  authToken: string;
  /** The caller id: a number of the account. */
  from: string;
  /** Default https://api.twilio.com. */
  baseUrl?: string;
}

const callOutcomes: Record<string, TransferOutcome> = {
  busy: 'busy',
  'no-answer': 'no-answer',
  canceled: 'no-answer',
  failed: 'failed',
  completed: 'failed',
};

const twiml = (xml: string) => new Response(xml, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/**
 * Hosted voice (Twilio and TwiML-compatible providers) behind the `VoiceDriver` contract. The
 * driver is a fetch handler: the runtime mounts it under the line's webhook path and the provider
 * drives each call by webhooks, answered with TwiML built from what the flow asks of the `Call`.
 */
export class TwimlVoiceDriver implements VoiceDriver {
  private readonly handlers = new Set<(call: Call) => void>();
  private readonly calls = new Map<string, TwimlCall>();
  private readonly placing = new Map<string, Placing>();
  private readonly audio = new Map<string, string>();
  /**
   * The token each held call was checked with on its first request: a line can hold several
   * numbers, each on an account of its own, and every later request of a call (and the legs it
   * dials, by ParentCallSid) is signed by that same account whatever its To says.
   */
  private readonly callTokens = new Map<string, string>();
  private readonly base: URL;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: TwimlVoiceDriverOptions) {
    this.base = new URL(options.webhookUrl.replace(/\/+$/, ''));
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
  }

  onCall(handler: (call: Call) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async start(): Promise<void> {}

  /** Hangs up every call still held (their webhooks get <Hangup/>). */
  async stop(): Promise<void> {
    for (const call of this.calls.values()) call.close();
    this.calls.clear();
    this.callTokens.clear();
  }

  /**
   * Places a call (POST /2010-04-01/Accounts/{sid}/Calls.json with Url and StatusCallback under
   * this line's webhook) and waits for it: answered when the provider fetches the voice webhook
   * for it (then the flow talks on `call`, like on a call that came in), otherwise the status
   * callback's busy / no-answer / failed.
   */
  async placeCall(
    to: string,
    account: TwimlAccount,
    options: { ringTimeoutMs?: number; timeoutMs?: number } = {},
  ): Promise<PlacedTwimlCall> {
    const base = (account.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
    const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Calls.json`;
    const ringSeconds = Math.max(5, Math.round((options.ringTimeoutMs ?? 30_000) / 1000));
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          To: to,
          From: account.from,
          Url: this.base.toString(),
          StatusCallback: `${this.base.toString()}/status`,
          Timeout: String(ringSeconds),
        }).toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      return { outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    const body = (await response.json().catch(() => ({}))) as { sid?: string; message?: string };
    if (response.status !== 201 || !body.sid)
      return { outcome: 'failed', reason: `${response.status} ${body.message ?? ''}`.trim() };
    const sid = body.sid;
    return new Promise<PlacedTwimlCall>((resolve) => {
      // A provider that never reports back: the call is given up after ringing and a margin.
      const giveUp = setTimeout(
        () => {
          this.placing.delete(sid);
          resolve({ outcome: 'failed', reason: 'no status callback' });
        },
        ringSeconds * 1000 + 60_000,
      );
      giveUp.unref();
      this.placing.set(sid, {
        from: account.from,
        to,
        token: account.authToken,
        settle: (placed) => {
          clearTimeout(giveUp);
          this.placing.delete(sid);
          resolve(placed);
        },
      });
    });
  }

  /** Calls live on this driver now. */
  get size(): number {
    return this.calls.size;
  }

  /**
   * Answers one provider request. `path` is the part of its path after the webhook's (`''`,
   * `/status`, `/calls/…`); by default `request.url` must be under the webhook URL's path.
   * `authToken` (default the line's) checks a request that starts a call: the caller knows which
   * of the line's numbers it was made to.
   */
  async handle(
    request: Request,
    path?: string,
    authToken: () => string | undefined | Promise<string | undefined> = this.options.authToken,
  ): Promise<Response> {
    const seen = new URL(request.url);
    if (path === undefined) {
      if (!seen.pathname.startsWith(this.base.pathname))
        return problem(404, 'NOT_FOUND', `Not a voice webhook path: ${seen.pathname}`);
      path = seen.pathname.slice(this.base.pathname.length);
    }
    if (request.method === 'GET') return this.serveAudio(path);
    if (request.method !== 'POST') return problem(405, 'METHOD_NOT_ALLOWED', 'Voice webhooks are POST');

    const rawBody = await request.text();
    const sent = new URLSearchParams(rawBody);
    const callSid = sent.get('CallSid') ?? '';
    const parentSid = sent.get('ParentCallSid') ?? '';
    const token =
      this.callTokens.get(callSid) ??
      this.placing.get(callSid)?.token ??
      this.callTokens.get(parentSid) ??
      (await authToken());
    if (!token) return problem(404, 'CHANNEL_NOT_CONFIGURED', 'No Twilio auth token is set for this line');
    // The provider signed the public URL it was given, which a proxy may have rewritten on the way.
    const signedUrl = `${this.base.toString()}${path}${seen.search}`;
    if (
      !verifyTwilioSignature(
        token,
        request.headers.get('x-twilio-signature') ?? undefined,
        signedUrl,
        rawBody,
      )
    )
      return problem(
        403,
        'SIGNATURE_INVALID',
        'X-Twilio-Signature is missing or does not match this request (check the auth token and OMNIFLOW_PUBLIC_URL)',
      );
    const params = new URLSearchParams(rawBody);
    const parsed = twilioCallParams.safeParse(Object.fromEntries(params));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      return problem(400, 'WEBHOOK_INVALID', `Not a Twilio voice webhook: check ${fields}`);
    }
    const form = parsed.data;

    if (path === '' || path === '/') {
      let call = this.calls.get(form.CallSid);
      const placed = call ? undefined : this.placing.get(form.CallSid);
      if (placed) {
        // A call we placed was answered: it is the campaign's, not a new caller's.
        call = this.newCall(form.CallSid, placed.from, placed.to, form.AccountSid, token);
        const answer = call.receive('inbound', 0, params);
        placed.settle({ outcome: 'answered', call });
        return twiml(await answer);
      }
      if (!call) {
        call = this.newCall(form.CallSid, form.From, form.To, form.AccountSid, token);
        const answer = call.receive('inbound', 0, params);
        if (this.handlers.size === 0) void call.hangup();
        for (const handler of this.handlers) handler(call);
        return twiml(await answer);
      }
      return twiml(await call.receive('continue', 0, params));
    }
    if (path === '/status') {
      const placed = this.placing.get(form.CallSid);
      if (placed && form.CallStatus && finalCallStatuses.has(form.CallStatus))
        placed.settle({ outcome: callOutcomes[form.CallStatus] ?? 'failed', reason: form.CallStatus });
      if (form.CallStatus && finalCallStatuses.has(form.CallStatus))
        this.calls.get(form.CallSid)?.providerEnded();
      return new Response(null, { status: 204 });
    }
    const match = callPath.exec(path);
    if (!match) return problem(404, 'NOT_FOUND', `Not a voice webhook path: ${path}`);
    const [, sid = '', kind = '', seqText] = match;
    if (kind !== 'answered' && !isReturnKind(kind))
      return problem(404, 'NOT_FOUND', `Not a voice webhook path: ${path}`);
    const call = this.calls.get(sid);
    // A call this process does not hold (it restarted, or the call is over): nothing to say.
    if (!call) return twiml(renderTwiml([{ verb: 'Hangup' }]));
    if (kind === 'answered') {
      call.calleeAnswered(Number(seqText));
      return twiml(renderTwiml([]));
    }
    return twiml(await call.receive(kind, Number(seqText), params));
  }

  private newCall(sid: string, from: string, to: string, accountSid: string, token: string): TwimlCall {
    const context: TwimlCallContext = {
      url: (kind, seq) => `${this.base.toString()}/calls/${sid}/${kind}/${seq}`,
      audioUrl: (audio) => this.audioUrl(audio),
      download: (url, path) => this.download(url, path, accountSid, token),
      writeEmptyRecording: async (path) => {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, encodeWav(new Int16Array(0)));
      },
      // Hold music that cannot be served leaves the caller in silence rather than the call broken.
      holdVerb: async (): Promise<TwimlVerb> => {
        const audio = this.options.holdAudio;
        const url = audio ? await this.audioUrl(audio).catch(() => undefined) : undefined;
        return url ? { verb: 'Play', url } : { verb: 'Pause', length: 2 };
      },
      heldRequestMs: this.options.heldRequestMs ?? 10_000,
      idleGapMs: this.options.idleGapMs ?? 0,
      dialTimeoutSeconds: this.options.dialTimeoutSeconds ?? 30,
      now: this.now,
    };
    const call = new TwimlCall(sid, from, to, context);
    this.calls.set(sid, call);
    this.callTokens.set(sid, token);
    void call.ended.then(() => {
      // The provider may still come back once (a recording after a hang-up): keep it a moment.
      setTimeout(() => {
        this.calls.delete(sid);
        this.callTokens.delete(sid);
      }, context.heldRequestMs).unref();
    });
    return call;
  }

  /** Prompt files are served by content hash: only files a call played are reachable. */
  private async audioUrl(audio: AudioSource): Promise<string> {
    if (audio.kind === 'url') return audio.url;
    let bytes: Buffer;
    try {
      bytes = await readFile(audio.path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new VoiceError('AUDIO_FETCH_FAILED', `Cannot read ${audio.path}: ${reason}`);
    }
    const type = extname(audio.path).toLowerCase() === '.mp3' ? 'mp3' : 'wav';
    if (type === 'wav' && !readWavInfo(bytes))
      throw new VoiceError('AUDIO_FORMAT_UNSUPPORTED', `${audio.path} is not a WAV file`);
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.audio.set(hash, audio.path);
    return `${this.base.toString()}/audio/${hash}.${type}`;
  }

  private async serveAudio(path: string): Promise<Response> {
    const match = audioPath.exec(path);
    const file = match ? this.audio.get(match[1]!) : undefined;
    if (!match || !file) return problem(404, 'NOT_FOUND', 'No such prompt');
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return problem(404, 'NOT_FOUND', 'The prompt file is gone');
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': match[2] === 'mp3' ? 'audio/mpeg' : 'audio/wav',
        'cache-control': 'max-age=86400',
      },
    });
  }

  /** Twilio serves a recording as WAV when `.wav` is appended to its RecordingUrl. */
  private async download(recordingUrl: string, path: string, accountSid: string, token: string) {
    if (!/^https?:\/\//i.test(recordingUrl))
      throw new VoiceError('AUDIO_FETCH_FAILED', `RecordingUrl is not http(s): ${recordingUrl}`);
    const url = `${recordingUrl.replace(/\.(wav|mp3)$/i, '')}.wav`;
    const response = await this.fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${token}`).toString('base64')}` },
      signal: AbortSignal.timeout(30_000),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok || !readWavInfo(bytes))
      throw new VoiceError(
        'AUDIO_FETCH_FAILED',
        `The recording at ${url} could not be fetched as WAV (${response.status})`,
      );
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
}
