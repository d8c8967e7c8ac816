import { useId, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { endOfDay } from './credential-usage.tsx';
import { ScopePicker, type ApiScope } from './scope-picker.tsx';

export interface CredentialRequest {
  name: string;
  scopes: ApiScope[];
  expiresAt?: string;
}

/**
 * Name, scopes and an optional last day: what making an API key and an OAuth client both ask.
 * Starts with only "read" ticked, so a key does no more than asked for.
 */
export function CredentialForm({
  label,
  nameHint,
  submitLabel,
  onCreate,
}: {
  label: string;
  nameHint: string;
  submitLabel: string;
  onCreate: (request: CredentialRequest) => Promise<void>;
}) {
  const t = useT();
  const ids = { name: useId(), expiry: useId() };
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['read']);
  const [expiry, setExpiry] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    if (scopes.length === 0) return setFailure(t('apiKeys.chooseScope'));
    setSaving(true);
    setFailure(null);
    try {
      await onCreate({ name: name.trim(), scopes, ...(expiry ? { expiresAt: endOfDay(expiry) } : {}) });
      setName('');
      setExpiry('');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      <div>
        <label htmlFor={ids.name} className="font-medium">
          {t('apiKeys.name')}
        </label>
        <input
          id={ids.name}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder={nameHint}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
        />
      </div>
      <ScopePicker value={scopes} onChange={setScopes} />
      <div>
        <label htmlFor={ids.expiry} className="font-medium">
          {t('apiKeys.expiry')}
        </label>
        <input
          id={ids.expiry}
          type="date"
          value={expiry}
          min={new Date().toISOString().slice(0, 10)}
          onChange={(e) => setExpiry(e.target.value)}
          aria-describedby={`${ids.expiry}-hint`}
          className="mt-1 block rounded border border-slate-300 px-2 py-1"
        />
        <p id={`${ids.expiry}-hint`} className="mt-0.5 text-xs text-slate-600">
          {t('apiKeys.expiryHint')}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={saving || name.trim() === ''}
          className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
        >
          {saving ? t('apiKeys.creating') : submitLabel}
        </button>
        {failure && (
          <p role="alert" className="text-red-700">
            {failure}
          </p>
        )}
      </div>
    </form>
  );
}
