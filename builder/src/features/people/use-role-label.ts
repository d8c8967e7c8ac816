import { useCallback } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { roleLabelKey } from './role-label.ts';

export function useRoleLabel() {
  const t = useT();
  return useCallback(
    (role: string) => {
      const key = roleLabelKey(role);
      return key ? t(key) : role;
    },
    [t],
  );
}
