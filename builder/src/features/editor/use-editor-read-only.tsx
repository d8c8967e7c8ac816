import { useT } from '../../i18n/use-i18n.ts';
import { isRole, roleKeys } from '../roles/not-allowed-page.tsx';
import { useCan, useRole } from '../roles/permissions.tsx';

/**
 * What the caller's role lets them do in the editor. Without `flows:edit` the server refuses every
 * save, validation and restore, so the editor offers none of them (no edit that would be lost).
 */
export function useEditorReadOnly(): { readOnly: boolean; canTest: boolean } {
  const can = useCan();
  return { readOnly: !can('flows:edit'), canTest: can('sandbox:use') };
}

/** Says why nothing in the editor can be changed, naming the role where the app knows it. */
export function EditorReadOnlyBanner() {
  const t = useT();
  const role = useRole();
  const name = role === null ? null : isRole(role) ? t(roleKeys[role]) : role;
  return (
    <p role="note" className="border-b border-amber-200 bg-amber-50 px-4 py-1 text-sm text-amber-900">
      {name === null ? t('editorReadOnly.bannerNoRole') : t('editorReadOnly.banner', { role: name })}
    </p>
  );
}
