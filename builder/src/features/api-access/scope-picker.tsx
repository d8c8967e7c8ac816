import { useId } from 'react';
import { useT } from '../../i18n/use-i18n.ts';

/** The scopes a key or client may hold, in the API's order (runtime/src/auth/scopes.ts). */
export const apiScopes = ['read', 'messages:send', 'runs:write', 'flows:write', 'admin'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Checkboxes for what a key or OAuth client may do, each with a line saying what that means. */
export function ScopePicker({
  value,
  onChange,
}: {
  value: readonly ApiScope[];
  onChange: (scopes: ApiScope[]) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium">{t('apiKeys.scopes')}</legend>
      {apiScopes.map((scope) => (
        <div key={scope} className="flex items-start gap-2">
          <input
            id={`${id}-${scope}`}
            type="checkbox"
            checked={value.includes(scope)}
            aria-describedby={`${id}-${scope}-hint`}
            onChange={(e) =>
              onChange(apiScopes.filter((s) => (s === scope ? e.target.checked : value.includes(s))))
            }
            className="mt-1"
          />
          <div>
            <label htmlFor={`${id}-${scope}`}>{t(`scope.${scope}`)}</label>
            <p id={`${id}-${scope}-hint`} className="text-xs text-slate-600">
              {t(`scope.${scope}.hint`)}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** The names of a credential's scopes, or that it has all its role allows. */
export function useScopeNames() {
  const t = useT();
  return (scopes: readonly string[] | null) =>
    scopes === null
      ? t('apiKeys.allScopes')
      : scopes
          .filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s))
          .map((s) => t(`scope.${s}`))
          .join(', ');
}
