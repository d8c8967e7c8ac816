import { useEffect, useState } from 'react';
import { useCan } from '../roles/permissions.tsx';
import { OnlyIfAllowed } from '../roles/only-if-allowed.tsx';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';

type SaveState = 'saved' | 'unsaved' | 'saving';

const domainsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

/**
 * Settings → Receiving email: the whole domains whose mail the built-in SMTP server takes for this
 * workspace. Anyone may read them; saving is for admins, and the server's refusal (not an admin,
 * a domain another workspace has, not a domain) is shown as it says it.
 */
export function MailDomainsSection() {
  const t = useT();
  const canSave = useCan()('channels:manage');
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/mail/domains')).then(
      (saved) => !stale && setText(saved.domains.join('\n')),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  async function save() {
    if (text === null) return;
    setState('saving');
    setError(null);
    try {
      const saved = await ok(client.PUT('/mail/domains', { body: { domains: domainsOf(text) } }));
      setText(saved.domains.join('\n'));
      setState('saved');
    } catch (e) {
      setState('unsaved');
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="settings-mail-domains" className="space-y-3">
      <h2 id="settings-mail-domains" className="text-xl font-semibold">
        {t('mailDomains.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('mailDomains.intro')}</p>
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {text === null ? (
        !error && <p>{t('common.loading')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (canSave) void save();
          }}
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <label className="block text-sm font-medium">
            {t('mailDomains.label')}
            <textarea
              value={text}
              rows={3}
              placeholder="ayuda.example.org"
              onChange={(e) => {
                setText(e.target.value);
                setState('unsaved');
              }}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
            />
          </label>
          {domainsOf(text).length === 0 && <p className="text-sm text-slate-600">{t('mailDomains.none')}</p>}
          <OnlyIfAllowed permission="channels:manage">
            <div className="flex items-center gap-3">
              <button
                type="submit"
                disabled={state !== 'unsaved'}
                className="rounded bg-sky-700 px-3 py-1 text-white disabled:opacity-50"
              >
                {t('mailDomains.save')}
              </button>
              <span role="status" className="text-sm text-slate-600">
                {t(
                  state === 'saved'
                    ? 'mailDomains.saved'
                    : state === 'saving'
                      ? 'mailDomains.saving'
                      : 'mailDomains.unsaved',
                )}
              </span>
            </div>
          </OnlyIfAllowed>
        </form>
      )}
    </section>
  );
}
