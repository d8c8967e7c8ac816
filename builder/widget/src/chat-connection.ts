import type { paths } from '../../src/api/api-schema.ts';
import type { Outgoing, ServerEvent, Session } from './protocol.ts';
import { loadSession, saveSession } from './session-store.ts';

// The widget's two HTTP calls are typed from the API's OpenAPI document (types only: nothing of
// the builder's client is bundled into the widget).
type WebChatPost = '/webchat/sessions' | '/webchat/messages';
type JsonBody<P extends WebChatPost> = paths[P]['post']['requestBody']['content']['application/json'];
type SessionAnswer = paths['/webchat/sessions']['post']['responses'][200]['content']['application/json'];

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'failed';
export type Transport = 'websocket' | 'sse';

export interface ChatConnectionOptions {
  /** The Omniflow server the script came from, e.g. https://flows.example.com */
  base: string;
  key: string;
  /** 'sse' skips WebSocket (for networks known to block it); 'auto' tries WebSocket first. */
  transport: 'auto' | 'sse';
  onEvent: (event: ServerEvent) => void;
  onState: (state: ConnectionState, transport: Transport) => void;
}

class SessionRefused extends Error {}

/**
 * The widget's line to the server. Before every (re)connect the session is resumed over HTTP, which
 * checks the token and starts a fresh session when it no longer holds; the live connection then
 * replays the history, so a reconnect restores the conversation. WebSocket first; if it cannot be
 * opened at all (a proxy that drops upgrades), server-sent events plus POST from then on.
 * Reconnects back off exponentially, with jitter, up to 15 s.
 */
export class ChatConnection {
  private session: Session | null;
  private transport: Transport;
  private socket: WebSocket | null = null;
  private stream: EventSource | null = null;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly acks = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  private stopped = false;

  constructor(private readonly options: ChatConnectionOptions) {
    this.session = loadSession(options.key);
    this.transport = options.transport === 'sse' || typeof WebSocket === 'undefined' ? 'sse' : 'websocket';
  }

  get sessionId(): string | undefined {
    return this.session?.sessionId;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
    this.stream?.close();
  }

  /** Sends what the visitor wrote; resolves when the server has it (then the bot types). */
  async send(message: Outgoing): Promise<void> {
    if (!this.session) throw new Error('Not connected yet');
    const frame: JsonBody<'/webchat/messages'> = {
      key: this.options.key,
      sessionId: this.session.sessionId,
      clientMessageId: message.clientMessageId,
      text: message.text,
      ...(message.choiceId ? { choiceId: message.choiceId } : {}),
    };
    if (this.socket?.readyState === WebSocket.OPEN) {
      const acked = new Promise<void>((resolve, reject) => {
        this.acks.set(message.clientMessageId, { resolve, reject });
        setTimeout(() => {
          if (this.acks.delete(message.clientMessageId)) reject(new Error('No answer from the server'));
        }, 10_000);
      });
      this.socket.send(JSON.stringify(frame));
      return acked;
    }
    const response = await fetch(`${this.options.base}/api/v1/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.session.token}` },
      body: JSON.stringify(frame),
    });
    if (!response.ok) throw new Error(`The server refused the message (${response.status})`);
  }

  private async resume(): Promise<void> {
    const body: JsonBody<'/webchat/sessions'> = { key: this.options.key, ...(this.session ?? {}) };
    const response = await fetch(`${this.options.base}/api/v1/webchat/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status === 401 && this.session) {
      // The server no longer knows this session (its secret changed): start a new one.
      this.session = null;
      saveSession(this.options.key, null);
      return this.resume();
    }
    if (response.status === 404) throw new SessionRefused('Unknown widget key');
    if (!response.ok) throw new Error(`Session not available (${response.status})`);
    const session: SessionAnswer = await response.json();
    this.session = { sessionId: session.sessionId, token: session.token };
    saveSession(this.options.key, this.session);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.options.onState('connecting', this.transport);
    try {
      await this.resume();
    } catch (error) {
      if (error instanceof SessionRefused) {
        this.options.onState('failed', this.transport);
        return;
      }
      return this.retry();
    }
    if (this.transport === 'websocket') this.openSocket();
    else this.openStream();
  }

  private query(): string {
    const { sessionId, token } = this.session!;
    return new URLSearchParams({ key: this.options.key, sessionId, token }).toString();
  }

  private openSocket(): void {
    const url = `${this.options.base.replace(/^http/, 'ws')}/api/v1/webchat/socket?${this.query()}`;
    let opened = false;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.transport = 'sse';
      return this.openStream();
    }
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
      this.attempts = 0;
      this.options.onState('online', 'websocket');
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = () => {
      this.socket = null;
      for (const [, ack] of this.acks) ack.reject(new Error('Connection lost'));
      this.acks.clear();
      if (this.stopped) return;
      if (!opened) {
        // It never opened: WebSocket does not get through here. Events + POST from now on.
        this.transport = 'sse';
        return void this.connect();
      }
      this.retry();
    };
  }

  private openStream(): void {
    const stream = new EventSource(`${this.options.base}/api/v1/webchat/events?${this.query()}`);
    this.stream = stream;
    stream.onopen = () => {
      this.attempts = 0;
      this.options.onState('online', 'sse');
    };
    stream.onmessage = (event) => this.receive(String(event.data));
    stream.onerror = () => {
      // EventSource retries by itself after a dropped stream, but not after a refusal; we take
      // over in both cases so the session is resumed first and the backoff is ours.
      stream.close();
      this.stream = null;
      if (!this.stopped) this.retry();
    };
  }

  private receive(data: string): void {
    let event: ServerEvent;
    try {
      event = JSON.parse(data) as ServerEvent;
    } catch {
      return;
    }
    if (event.type === 'ack' || event.type === 'error') {
      const ack = event.clientMessageId ? this.acks.get(event.clientMessageId) : undefined;
      if (ack && event.clientMessageId) {
        this.acks.delete(event.clientMessageId);
        if (event.type === 'ack') ack.resolve();
        else ack.reject(new Error(event.message));
      }
      return;
    }
    this.options.onEvent(event);
  }

  private retry(): void {
    this.options.onState('offline', this.transport);
    const delay = Math.min(15_000, 500 * 2 ** this.attempts) * (0.75 + Math.random() / 2);
    this.attempts++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
