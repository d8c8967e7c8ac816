import { ChatWidget } from './chat-widget.ts';
import { pickLanguage } from './strings.ts';

/**
 * The embed: `<script src="https://your-omniflow/webchat.js" data-key="…" data-color="#0b5cad"
 * data-title="…" data-greeting="…" data-lang="es|en" async></script>`. The server is wherever the
 * script came from, so the same file works on any installation.
 */
const script = document.currentScript as HTMLScriptElement | null;
const tag = 'omniflow-webchat';

function mount(): void {
  if (!script) return;
  const data = script.dataset;
  if (!data.key) {
    console.error('Omniflow web chat: the script tag needs data-key (your widget key)');
    return;
  }
  if (!customElements.get(tag)) customElements.define(tag, ChatWidget);
  const widget = document.createElement(tag) as ChatWidget;
  widget.configure({
    base: new URL(script.src, location.href).origin,
    key: data.key,
    colour: data.color ?? data.colour ?? '#0b5cad',
    title: data.title ?? '',
    greeting: data.greeting ?? '',
    language: pickLanguage(data.lang, navigator.language),
    transport: data.transport === 'sse' ? 'sse' : 'auto',
  });
  document.body.append(widget);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount);
