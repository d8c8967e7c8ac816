import { useCallback } from 'react';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-i18n.ts';

// The built-in nodes' port ids, shown in the designer's language. Branch ids and custom nodes'
// ports are the designer's or developer's own words and are shown as written.
export const portKeys = new Map<string, MessageKey>([
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
]);

/** `(portId) => name to show`, in the current language. */
export function usePortName() {
  const t = useT();
  return useCallback(
    (port: string) => {
      const key = portKeys.get(port);
      return key ? t(key) : port;
    },
    [t],
  );
}
