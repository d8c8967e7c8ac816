import { canvasMessages } from './messages.ts';

type CanvasKey = keyof typeof canvasMessages.en;

// The built-in nodes' port ids, shown in the reader's language. Branch ids and custom nodes'
// ports are the designer's or developer's own words and are shown as written. No React here: the
// runtime's user docs (runtime/src/user-docs) name the ports from this same table.
export const portKeys = new Map<string, CanvasKey>([
  ['next', 'canvas.port.next'],
  ['success', 'canvas.port.success'],
  ['failed', 'canvas.port.failed'],
  ['timeout', 'canvas.port.timeout'],
  ['received', 'canvas.port.received'],
  ['else', 'canvas.port.else'],
  ['invalid', 'canvas.port.invalid'],
  ['open', 'canvas.port.open'],
  ['closed', 'canvas.port.closed'],
  ['answered', 'canvas.port.answered'],
  ['busy', 'canvas.port.busy'],
  ['no-answer', 'canvas.port.noAnswer'],
  ['connected', 'canvas.port.connected'],
  ['sent', 'canvas.port.sent'],
  ['done', 'canvas.port.done'],
  ['other', 'canvas.port.other'],
]);

/** A port's name in `lang`, outside React; the id itself when the port has no catalog name. */
export function portName(port: string, lang: 'es' | 'en'): string {
  const key = portKeys.get(port);
  return key ? canvasMessages[lang][key] : port;
}
