import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { twilioSignature } from '../../../twilio/twilio-signature.ts';
import { encodeWav } from '../../sip/wav-file.ts';
import { readWavInfo } from '../../wav-info.ts';

// A stand-in for Twilio Programmable Voice on loopback, following its published wire format:
// an inbound call POSTs the number's voice webhook (form-encoded, X-Twilio-Signature), each TwiML
// answer is parsed with a real XML parser and its verbs run in order, actions and redirects POST
// the call's parameters plus the verb's own (Digits, RecordingUrl…, DialCallStatus), and the end
// of the call POSTs the status callback. A document that ends without <Hangup/> ends the call.

export type DialCallStatus = 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface FakeCallScript {
  from: string;
  to: string;
  /** What the caller keys at each <Gather>, in order: '' (or none left) is no input. */
  digits?: Array<string | { digits: string; finishedOnKey: string }>;
  /** Each <Record>: seconds recorded and the key that stopped it ('' = max length, 'hangup'). */
  recordings?: Array<{ seconds: number; digits?: string }>;
  /** Each <Dial>'s DialCallStatus. */
  dials?: DialCallStatus[];
  /** The caller hangs up on reaching this verb (its `occurrence`-th, from 1), before it runs. */
  hangUpAt?: { verb: 'Say' | 'Play' | 'Gather' | 'Record' | 'Dial' | 'Pause'; occurrence?: number };
  /** Sends no signature, or a wrong one, on the first request (to test the webhook's check). */
  signature?: 'valid' | 'missing' | 'wrong';
}

export interface FakeCallResult {
  sid: string;
  said: Array<{ text: string; language?: string; voice?: string }>;
  played: Array<{ url: string; contentType: string; bytes: number }>;
  /** Every verb run, in order (`Gather`, `Say`…), with nested ones after their parent. */
  verbs: string[];
  /** Every request made, with how long its answer took. */
  requests: Array<{ url: string; status: number; ms: number }>;
  /** How the call ended. */
  end: 'hangup-verb' | 'end-of-document' | 'caller' | 'rejected' | 'http-error';
  rejectReason?: string;
  dialled: string[];
  /** The first request's answer when it was not TwiML (a 403's body). */
  error?: string;
}

/** How a person called through the REST API (POST …/Calls.json) takes the call. */
export type FakeCalleeScript =
  | { answer: 'busy' | 'no-answer' | 'failed' }
  | ({ answer: 'answered' } & Omit<FakeCallScript, 'from' | 'to' | 'signature'>);

/** A call placed through the REST API, as the fake saw it. */
export interface FakeOutboundCall {
  sid: string;
  to: string;
  from: string;
  /** The StatusCallback's CallStatus at the end. */
  status: string;
  result?: FakeCallResult;
}

type Element = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

const nameOf = (element: Element) => Object.keys(element).find((k) => k !== ':@')!;
const childrenOf = (element: Element) => (element[nameOf(element)] as Element[] | undefined) ?? [];
const textOf = (element: Element) =>
  childrenOf(element)
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('');

class CallOver {
  constructor(readonly how: FakeCallResult['end']) {}
}

export class FakeTwilioVoice {
  readonly accountSid = `AC${randomBytes(16).toString('hex')}`;
  private server: Server | undefined;
  private recordingsBase = '';
  /** Recordings served at RecordingUrl(.wav), by sid. */
  private readonly recordings = new Map<string, Buffer>();
  /** Whether each recording download carried HTTP basic auth with the account's credentials. */
  readonly recordingFetches: Array<{ sid: string; authorized: boolean }> = [];
  /** Calls placed through the REST API, in the order they were created. */
  readonly outboundCalls: FakeOutboundCall[] = [];
  /** The most REST-placed calls that were up (ringing or talking) at once. */
  maxConcurrentOutbound = 0;
  private liveOutbound = 0;
  private readonly callees = new Map<string, FakeCalleeScript>();
  private readonly outboundDone: Promise<void>[] = [];
  private apiBase = '';

  constructor(
    private readonly options: {
      /** The number's "A call comes in" webhook. */
      voiceUrl: string;
      /** The number's "Call status changes" URL. */
      statusCallbackUrl: string;
      authToken: string;
      /** Real seconds per <Pause length> second (default 0.05: tests need not wait out pauses). */
      pauseScale?: number;
    },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      if (request.method === 'POST' && /\/Calls\.json$/.test(request.url ?? '')) {
        void this.createCall(request, response);
        return;
      }
      const match = /\/Recordings\/(RE[0-9a-f]{32})\.wav$/.exec(request.url ?? '');
      const wav = match ? this.recordings.get(match[1]!) : undefined;
      if (!wav) {
        response.writeHead(404).end();
        return;
      }
      const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.options.authToken}`).toString('base64')}`;
      this.recordingFetches.push({ sid: match![1]!, authorized: request.headers.authorization === expected });
      response.writeHead(200, { 'content-type': 'audio/x-wav' }).end(wav);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.recordingsBase = `http://127.0.0.1:${port}/2010-04-01/Accounts/${this.accountSid}/Recordings`;
    this.apiBase = `http://127.0.0.1:${port}`;
  }

  /** The REST API's base URL (Twilio's https://api.twilio.com). */
  get baseUrl(): string {
    return this.apiBase;
  }

  /** How the person at `number` takes the calls placed to them (default: no answer). */
  callee(number: string, script: FakeCalleeScript): void {
    this.callees.set(number, script);
  }

  /** Resolves once every REST-placed call so far has ended and its status callback was answered. */
  async outboundSettled(): Promise<void> {
    await Promise.all(this.outboundDone);
  }

  /**
   * POST /2010-04-01/Accounts/{AccountSid}/Calls.json (form-encoded To, From, Url, StatusCallback,
   * Timeout; basic auth): 201 with the Call resource, then the call runs on its own: a busy,
   * unanswered or failed one only POSTs its StatusCallback; an answered one fetches Url and runs
   * its TwiML like an inbound call (Direction outbound-api), then reports `completed`.
   */
  private async createCall(
    request: import('node:http').IncomingMessage,
    response: import('node:http').ServerResponse,
  ) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.options.authToken}`).toString('base64')}`;
    const reply = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== expected || !request.url?.includes(`/Accounts/${this.accountSid}/`))
      return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const url = form.get('Url') ?? '';
    if (!to) return reply(400, { code: 21201, message: "No 'To' number is specified", status: 400 });
    if (!from) return reply(400, { code: 21213, message: "No 'From' number is specified", status: 400 });
    if (!/^https?:\/\//.test(url))
      return reply(400, { code: 21205, message: 'Url is not a valid URL', status: 400 });
    const sid = `CA${randomBytes(16).toString('hex')}`;
    reply(201, {
      sid,
      account_sid: this.accountSid,
      to,
      from,
      status: 'queued',
      direction: 'outbound-api',
      uri: `/2010-04-01/Accounts/${this.accountSid}/Calls/${sid}.json`,
    });
    const call: FakeOutboundCall = { sid, to, from, status: 'queued' };
    this.outboundCalls.push(call);
    this.liveOutbound++;
    this.maxConcurrentOutbound = Math.max(this.maxConcurrentOutbound, this.liveOutbound);
    const script = this.callees.get(to) ?? { answer: 'no-answer' as const };
    const statusUrl = form.get('StatusCallback') ?? undefined;
    this.outboundDone.push(
      (async () => {
        // Ringing takes a moment, as on a phone line.
        await new Promise((resolve) => setTimeout(resolve, 150));
        if (script.answer !== 'answered') {
          this.liveOutbound--;
          call.status = script.answer;
          if (statusUrl) {
            const params = this.callParams(sid, from, to, script.answer, 'outbound-api');
            params.set('CallDuration', '0');
            await this.signedPost(statusUrl, params);
          }
          return;
        }
        call.result = await this.runCall(
          sid,
          { ...script, from, to },
          {
            voiceUrl: url,
            statusCallbackUrl: statusUrl,
            direction: 'outbound-api',
            firstStatus: 'in-progress',
            onEnd: () => {
              this.liveOutbound--;
              call.status = 'completed';
            },
          },
        );
      })().catch(() => {
        call.status = 'failed';
      }),
    );
  }

  private callParams(sid: string, from: string, to: string, status: string, direction: string) {
    return new URLSearchParams({
      CallSid: sid,
      AccountSid: this.accountSid,
      From: from,
      To: to,
      Caller: from,
      Called: to,
      CallStatus: status,
      Direction: direction,
      ApiVersion: '2010-04-01',
    });
  }

  private signedPost(url: string, params: URLSearchParams) {
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(this.options.authToken, url, params),
      },
      body: params.toString(),
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Places an inbound call and runs it to its end. */
  async placeCall(script: FakeCallScript): Promise<FakeCallResult> {
    return this.runCall(`CA${randomBytes(16).toString('hex')}`, script, {
      voiceUrl: this.options.voiceUrl,
      statusCallbackUrl: this.options.statusCallbackUrl,
      direction: 'inbound',
      firstStatus: 'ringing',
    });
  }

  /** Runs a call's TwiML from `voiceUrl` to its end, then reports it to the status callback. */
  private async runCall(
    sid: string,
    script: FakeCallScript,
    line: {
      voiceUrl: string;
      statusCallbackUrl: string | undefined;
      direction: string;
      firstStatus: string;
      onEnd?: () => void;
    },
  ): Promise<FakeCallResult> {
    const startedAt = Date.now();
    const result: FakeCallResult = {
      sid,
      said: [],
      played: [],
      verbs: [],
      requests: [],
      end: 'end-of-document',
      dialled: [],
    };
    const seen = new Map<string, number>();
    const digits = [...(script.digits ?? [])];
    const recordings = [...(script.recordings ?? [])];
    const dials = [...(script.dials ?? [])];
    const call = (status: string) => this.callParams(sid, script.from, script.to, status, line.direction);
    let first = true;

    const post = async (url: string, params: URLSearchParams): Promise<Response> => {
      const signature = twilioSignature(this.options.authToken, url, params);
      const mode = first ? (script.signature ?? 'valid') : 'valid';
      first = false;
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'i-twilio-idempotency-token': randomBytes(8).toString('hex'),
          ...(mode === 'missing'
            ? {}
            : { 'x-twilio-signature': mode === 'wrong' ? `x${signature}` : signature }),
        },
        body: params.toString(),
      });
      result.requests.push({ url, status: response.status, ms: performance.now() - started });
      return response;
    };

    const callerHangsUp = (verb: string) => {
      const count = (seen.get(verb) ?? 0) + 1;
      seen.set(verb, count);
      return script.hangUpAt?.verb === verb && (script.hangUpAt.occurrence ?? 1) === count;
    };

    /** Runs one verb; answers the next request to make, or undefined to go on with the document. */
    const run = async (element: Element): Promise<{ url: string; params: URLSearchParams } | undefined> => {
      const verb = nameOf(element);
      const attributes = element[':@'] ?? {};
      if (callerHangsUp(verb)) throw new CallOver('caller');
      result.verbs.push(verb);
      switch (verb) {
        case 'Say':
          result.said.push({
            text: textOf(element),
            ...(attributes.language ? { language: attributes.language } : {}),
            ...(attributes.voice ? { voice: attributes.voice } : {}),
          });
          return undefined;
        case 'Play': {
          const url = textOf(element);
          const response = await fetch(url);
          const bytes = Buffer.from(await response.arrayBuffer());
          const contentType = response.headers.get('content-type') ?? '';
          // Twilio plays audio/* only; a WAV must be one.
          if (
            !response.ok ||
            !contentType.startsWith('audio/') ||
            (/wav/.test(contentType) && !readWavInfo(bytes))
          )
            throw new Error(`<Play> ${url} is not audio (${response.status} ${contentType})`);
          result.played.push({ url, contentType, bytes: bytes.length });
          return undefined;
        }
        case 'Pause':
          await new Promise((r) =>
            setTimeout(r, Number(attributes.length ?? 1) * 1000 * (this.options.pauseScale ?? 0.05)),
          );
          return undefined;
        case 'Gather': {
          for (const nested of childrenOf(element)) await run(nested);
          const next = digits.shift() ?? '';
          const keyed = typeof next === 'string' ? { digits: next, finishedOnKey: '' } : next;
          // No input: Twilio goes on with the next verb and does not call the action.
          if (!keyed.digits && !keyed.finishedOnKey) return undefined;
          const params = call('in-progress');
          params.set('Digits', keyed.digits);
          params.set('FinishedOnKey', keyed.finishedOnKey);
          return { url: attributes.action!, params };
        }
        case 'Record': {
          const take = recordings.shift() ?? { seconds: 0 };
          if (take.seconds <= 0 && take.digits !== 'hangup') return undefined;
          const recordingSid = `RE${randomBytes(16).toString('hex')}`;
          this.recordings.set(recordingSid, toneWav(Math.max(take.seconds, 1)));
          const params = call(take.digits === 'hangup' ? 'completed' : 'in-progress');
          params.set('RecordingUrl', `${this.recordingsBase}/${recordingSid}`);
          params.set('RecordingDuration', String(take.seconds));
          params.set('RecordingSid', recordingSid);
          params.set('Digits', take.digits ?? '');
          if (take.digits === 'hangup') {
            // The caller hung up while recording: the action still gets the recording, its answer is ignored.
            await post(attributes.action!, params);
            throw new CallOver('caller');
          }
          return { url: attributes.action!, params };
        }
        case 'Dial': {
          const noun = childrenOf(element)[0];
          const target = noun ? (noun['#text'] === undefined ? textOf(noun) : String(noun['#text'])) : '';
          result.dialled.push(target);
          const status = dials.shift() ?? 'no-answer';
          const dialSid = `CA${randomBytes(16).toString('hex')}`;
          const nounUrl = noun?.[':@']?.url;
          if ((status === 'completed' || status === 'answered') && nounUrl) {
            // The <Number url> runs on the called party's leg once it picks up, before the bridge.
            const leg = call('in-progress');
            leg.set('CallSid', dialSid);
            leg.set('ParentCallSid', sid);
            leg.set('Direction', 'outbound-dial');
            await post(nounUrl, leg);
          }
          const params = call('in-progress');
          params.set('DialCallStatus', status);
          params.set('DialCallSid', dialSid);
          if (status === 'completed' || status === 'answered') params.set('DialCallDuration', '3');
          return attributes.action ? { url: attributes.action, params } : undefined;
        }
        case 'Redirect':
          return { url: new URL(textOf(element), current).toString(), params: call('in-progress') };
        case 'Hangup':
          throw new CallOver('hangup-verb');
        case 'Reject':
          result.rejectReason = attributes.reason ?? 'rejected';
          throw new CallOver('rejected');
        default:
          throw new Error(`TwiML verb <${verb}> is not one Twilio knows`);
      }
    };

    let current = line.voiceUrl;
    let params = call(line.firstStatus);
    try {
      for (;;) {
        const response = await post(current, params);
        const body = await response.text();
        if (response.status !== 200) {
          result.error = body;
          throw new CallOver('http-error');
        }
        const document = parser.parse(body) as Element[];
        const root = document.find((e) => nameOf(e) === 'Response');
        if (!root) throw new Error(`Not a TwiML document: ${body}`);
        let next: { url: string; params: URLSearchParams } | undefined;
        for (const element of childrenOf(root)) {
          next = await run(element);
          if (next) break;
        }
        if (!next) throw new CallOver('end-of-document');
        current = next.url;
        params = next.params;
      }
    } catch (error) {
      if (!(error instanceof CallOver)) throw error;
      result.end = error.how;
    }
    line.onEnd?.();
    // A refused call is never answered; every answered call reports its end.
    if (line.statusCallbackUrl && result.end !== 'rejected' && result.end !== 'http-error') {
      const status = call('completed');
      status.set('CallDuration', String(Math.round((Date.now() - startedAt) / 1000)));
      status.set('Timestamp', new Date().toUTCString().replace('GMT', '+0000'));
      status.set('CallbackSource', 'call-progress-events');
      status.set('SequenceNumber', '0');
      await post(line.statusCallbackUrl, status);
    }
    return result;
  }
}

/** A 440 Hz tone, 8 kHz mono: what the caller "said" into a recording (not silence). */
function toneWav(seconds: number): Buffer {
  const samples = new Int16Array(8000 * seconds);
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  return encodeWav(samples);
}
