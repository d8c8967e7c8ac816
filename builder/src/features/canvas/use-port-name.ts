import { useCallback } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { portKeys } from './port-names.ts';

export { portKeys } from './port-names.ts';

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
