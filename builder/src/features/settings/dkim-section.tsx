import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { DkimKey } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { DkimKeyCard } from './dkim-key-card.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: DkimKey[] };

/**
 * Settings → Email signing: each sending domain's DKIM key with the DNS record to publish, and a
 * form that makes a new key or takes one the admin already has.
 */
export function DkimSection() {
  const t = useT();
  const ids = { domain: useId(), selector: useId(), privateKey: useId() };
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [domain, setDomain] = useState('');
  const [selector, setSelector] = useState('');
  const [pasting, setPasting] = useState(false);
  const [privateKey, setPrivateKey] = useState('');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'failed'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const { items } = await ok(client.GET('/dkim-keys'));
      setLoaded({ kind: 'ready', items });
    } catch (error) {
      setLoaded(
        error instanceof ApiError && error.status === 403
          ? { kind: 'forbidden' }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function save() {
    setSaving(true);
    setNotice(null);
    try {
      await ok(
        client.PUT('/dkim-keys/{domain}', {
          params: { path: { domain: domain.trim().toLowerCase() } },
          body: {
            ...(selector.trim() ? { selector: selector.trim() } : {}),
            ...(pasting && privateKey.trim() ? { privateKey } : {}),
          },
        }),
      );
      setNotice({ kind: 'ok', text: t('dkim.saved') });
      setPrivateKey('');
      await load();
    } catch (error) {
      setNotice({ kind: 'failed', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  }

  if (loaded.kind === 'forbidden') return null;
  return (
    <section aria-labelledby="settings-dkim" className="space-y-3">
      <h2 id="settings-dkim" className="text-xl font-semibold">
        {t('dkim.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('dkim.intro')}</p>
      {loaded.kind === 'loading' && <p>{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('dkim.loadFailed', { message: loaded.message })}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('dkim.empty')}</p>
      )}
      {loaded.kind === 'ready' &&
        loaded.items.map((key) => (
          <DkimKeyCard
            key={`${key.domain}:${key.createdAt}`}
            dkimKey={key}
            onRemoved={() => {
              setNotice({ kind: 'ok', text: t('dkim.removed') });
              void load();
            }}
          />
        ))}
      <form
        aria-label={t('dkim.title')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={ids.domain} className="font-medium">
              {t('dkim.domain')}
            </label>
            <input
              id={ids.domain}
              value={domain}
              onChange={(e) => setDomain(e.target.value)}
              placeholder="example.org"
              spellCheck={false}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            />
          </div>
          <div>
            <label htmlFor={ids.selector} className="font-medium">
              {t('dkim.selector')}
            </label>
            <input
              id={ids.selector}
              value={selector}
              onChange={(e) => setSelector(e.target.value)}
              aria-describedby={`${ids.selector}-hint`}
              spellCheck={false}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            />
            <p id={`${ids.selector}-hint`} className="mt-0.5 text-xs text-slate-600">
              {t('dkim.selectorHint')}
            </p>
          </div>
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={pasting} onChange={(e) => setPasting(e.target.checked)} />
          {t('dkim.paste')}
        </label>
        {pasting && (
          <div>
            <label htmlFor={ids.privateKey} className="font-medium">
              {t('dkim.privateKey')}
            </label>
            <textarea
              id={ids.privateKey}
              value={privateKey}
              onChange={(e) => setPrivateKey(e.target.value)}
              rows={6}
              spellCheck={false}
              aria-describedby={`${ids.privateKey}-hint`}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
            />
            <p id={`${ids.privateKey}-hint`} className="mt-0.5 text-xs text-slate-600">
              {t('dkim.privateKeyHint')}
            </p>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={saving || domain.trim() === ''}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
          >
            {saving ? t('dkim.saving') : pasting ? t('dkim.savePasted') : t('dkim.create')}
          </button>
          <p
            role="status"
            data-kind={notice?.kind}
            className="data-[kind=failed]:text-red-700 data-[kind=ok]:text-green-700"
          >
            {notice?.text}
          </p>
        </div>
      </form>
    </section>
  );
}
