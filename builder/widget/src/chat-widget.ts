import { brandPalette } from './brand-colour.ts';
import { ChatConnection, type ConnectionState, type Transport } from './chat-connection.ts';
import type { ChatMessage, ServerEvent } from './protocol.ts';
import { strings, type Strings } from './strings.ts';
import { widgetStyles } from './widget-styles.ts';

export interface WidgetSettings {
  base: string;
  key: string;
  colour: string;
  title: string;
  greeting: string;
  language: 'es' | 'en';
  transport: 'auto' | 'sse';
}

const chatIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z"/></svg>';

/** Bot typing shows for at most this long: a flow may end without answering. */
const typingTimeoutMs = 20_000;

const newClientMessageId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Only web links may become images or links: a flow's media URL is not trusted to be one. */
const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : null);

/**
 * `<omniflow-webchat>`: the chat bubble and its panel, in a shadow root so the host page's styles
 * and ours never mix. Messages are shown with textContent only: nothing a flow or a visitor writes
 * is ever parsed as HTML.
 */
export class ChatWidget extends HTMLElement {
  private settings!: WidgetSettings;
  private t!: Strings;
  private connection!: ChatConnection;
  private readonly messages = new Map<string, ChatMessage>();
  private readonly failed = new Map<string, { text: string; choiceId?: string }>();
  private typing = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private statusText = '';
  private root!: ShadowRoot;
  private bubble!: HTMLButtonElement;
  private panel!: HTMLElement;
  private log!: HTMLOListElement;
  private input!: HTMLInputElement;
  private status!: HTMLElement;

  configure(settings: WidgetSettings): void {
    this.settings = settings;
    this.t = strings[settings.language];
  }

  connectedCallback(): void {
    if (this.root) return;
    const palette = brandPalette(this.settings.colour);
    this.root = this.attachShadow({ mode: 'open' });
    this.style.setProperty('--of-brand', palette.brand);
    this.style.setProperty('--of-on-brand', palette.onBrand);
    this.style.setProperty('--of-brand-text', palette.brandText);
    const title = this.settings.title || this.t.title;
    this.root.innerHTML = `<style>${widgetStyles}</style>
      <section class="panel" id="panel" role="dialog" hidden>
        <header><h2 id="title"></h2><button type="button" class="close"></button></header>
        <div class="status" role="status"></div>
        <ol role="log" aria-live="polite"></ol>
        <form><input type="text" autocomplete="off" maxlength="4096" />
          <button type="submit"></button></form>
      </section>
      <button type="button" class="bubble" aria-controls="panel" aria-expanded="false">${chatIcon}</button>`;
    const $ = <T extends Element>(selector: string) => this.root.querySelector(selector) as T;
    this.bubble = $('.bubble');
    this.panel = $('.panel');
    this.log = $('ol');
    this.input = $('input');
    this.status = $('.status');
    $<HTMLElement>('#title').textContent = title;
    this.panel.setAttribute('aria-labelledby', 'title');
    this.log.setAttribute('aria-label', this.t.messages);
    this.input.placeholder = this.t.placeholder;
    this.input.setAttribute('aria-label', this.t.placeholder);
    $<HTMLButtonElement>('form button').textContent = this.t.send;
    const close = $<HTMLButtonElement>('.close');
    close.textContent = '×';
    close.setAttribute('aria-label', this.t.close);
    this.bubble.setAttribute('aria-label', this.t.open);

    this.bubble.addEventListener('click', () => this.toggle(this.panel.hidden));
    close.addEventListener('click', () => this.toggle(false));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.toggle(false);
    });
    $<HTMLFormElement>('form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      void this.write(text);
    });

    this.connection = new ChatConnection({
      base: this.settings.base,
      key: this.settings.key,
      transport: this.settings.transport,
      onEvent: (event) => this.receive(event),
      onState: (state, transport) => this.showState(state, transport),
    });
    this.connection.start();
    this.render();
  }

  disconnectedCallback(): void {
    this.connection?.stop();
  }

  private toggle(open: boolean): void {
    this.panel.hidden = !open;
    this.bubble.setAttribute('aria-expanded', String(open));
    this.bubble.setAttribute('aria-label', open ? this.t.close : this.t.open);
    if (open) {
      this.input.focus();
      this.log.scrollTop = this.log.scrollHeight;
    } else this.bubble.focus();
  }

  private showState(state: ConnectionState, transport: Transport): void {
    // Exposed on the element for support staff and tests: which line is in use, and whether it is up.
    this.dataset.state = state;
    this.dataset.transport = transport;
    this.statusText = state === 'offline' ? this.t.offline : state === 'failed' ? this.t.offline : '';
    this.status.textContent = this.statusText;
  }

  private receive(event: ServerEvent): void {
    if (event.type === 'history') {
      // The server's record is the conversation: what we showed before a reconnect is replaced.
      this.messages.clear();
      for (const message of event.messages) this.messages.set(message.id, message);
    } else if (event.type === 'message') {
      this.messages.set(event.message.id, event.message);
      if (event.message.from === 'bot') this.setTyping(false);
    } else if (event.type === 'typing') this.setTyping(event.on);
    this.render();
  }

  private setTyping(on: boolean): void {
    this.typing = on;
    clearTimeout(this.typingTimer);
    if (on)
      this.typingTimer = setTimeout(() => {
        this.typing = false;
        this.render();
      }, typingTimeoutMs);
  }

  private async write(
    text: string,
    choiceId?: string,
    clientMessageId = newClientMessageId(),
  ): Promise<void> {
    this.failed.delete(clientMessageId);
    // Shown at once under the id the server will give it, so its echo replaces it, not doubles it.
    const id = `webchat.in.${this.connection.sessionId ?? ''}.${clientMessageId}`;
    this.messages.set(id, { id, from: 'visitor', text, at: new Date().toISOString() });
    this.render();
    try {
      await this.connection.send({ clientMessageId, text, ...(choiceId ? { choiceId } : {}) });
    } catch {
      this.messages.delete(id);
      this.failed.set(clientMessageId, { text, ...(choiceId ? { choiceId } : {}) });
      this.render();
    }
  }

  private render(): void {
    // In arrival order: the server's order for the history, then as events came (clocks differ).
    const list = [...this.messages.values()];
    const items: HTMLElement[] = [];
    if (this.settings.greeting)
      items.push(this.bubbleFor({ id: 'greeting', from: 'bot', text: this.settings.greeting, at: '' }));
    for (const message of list) items.push(this.bubbleFor(message));
    const last = list.at(-1);
    if (last?.from === 'bot' && last.chips?.length) items.push(this.chipsFor(last));
    for (const [clientMessageId, unsent] of this.failed) {
      const item = document.createElement('li');
      item.className = 'visitor failed';
      item.textContent = unsent.text;
      item.dataset.error = this.t.notSent;
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      const retry = () => void this.write(unsent.text, unsent.choiceId, clientMessageId);
      item.addEventListener('click', retry);
      item.addEventListener('keydown', (e) => e.key === 'Enter' && retry());
      items.push(item);
    }
    if (this.typing) {
      const dots = document.createElement('li');
      dots.className = 'typing';
      dots.setAttribute('aria-label', this.t.typing);
      dots.innerHTML = '<span></span><span></span><span></span>';
      items.push(dots);
    }
    this.log.replaceChildren(...items);
    this.log.scrollTop = this.log.scrollHeight;
  }

  private bubbleFor(message: ChatMessage): HTMLElement {
    const item = document.createElement('li');
    item.className = message.from;
    item.dataset.id = message.id;
    if (message.text) item.append(message.text);
    const url = message.media && safeUrl(message.media.url);
    if (message.media && url) {
      if (message.text) item.append(document.createElement('br'));
      if (message.media.kind === 'image') {
        const image = document.createElement('img');
        image.src = url;
        image.alt = message.media.caption ?? '';
        item.append(image);
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = message.media.caption || url;
        item.append(link);
      }
    }
    return item;
  }

  private chipsFor(message: ChatMessage): HTMLElement {
    const group = document.createElement('li');
    group.className = 'chips';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', this.t.options);
    for (const chip of message.chips ?? []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = chip.title;
      button.addEventListener('click', () => void this.write(chip.title, chip.id));
      group.append(button);
    }
    return group;
  }
}
