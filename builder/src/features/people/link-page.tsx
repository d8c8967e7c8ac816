import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { navigate } from '../../use-route.ts';
import { StackedInput } from '../../ui/stacked-input.tsx';

type Kind = 'invitation' | 'password-reset';

const paths = {
  invitation: { preview: '/auth/invitations/preview', submit: '/auth/invitations/accept' },
  'password-reset': { preview: '/auth/password-resets/preview', submit: '/auth/password-resets/complete' },
} as const;

/**
 * What an invitation or reset link opens: the person chooses a password and is signed in. The
 * server's policy (length, leaked-password list) answers in their language.
 */
export function LinkPage({
  kind,
  token,
  onSignedIn,
}: {
  kind: Kind;
  token: string;
  onSignedIn: (user: User) => void;
}) {
  const t = useT();
  const setLocale = useLocale((s) => s.setLocale);
  const [who, setWho] = useState<{ email: string; name: string } | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ok(client.POST(paths[kind].preview, { body: { token } })).then(
      (found) => {
        setWho(found);
        // The admin chose the person's language when inviting: the page speaks it from the start.
        if (kind === 'invitation') setLocale(found.language);
      },
      (e: unknown) => setFatal(e instanceof ApiError ? e.message : String(e)),
    );
  }, [kind, token, setLocale]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return setError(t('link.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const { user } = await ok(client.POST(paths[kind].submit, { body: { token, password } }));
      navigate('/flows');
      onSignedIn(user);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.error', { message: String(e) }));
    } finally {
      setBusy(false);
    }
  }

  const title = kind === 'invitation' ? t('link.invitationTitle') : t('link.resetTitle');
  return (
    <main className="flex min-h-screen items-center justify-center">
      <form
        onSubmit={submit}
        className="w-96 space-y-4 rounded-lg bg-white p-6 shadow"
        aria-labelledby="link-title"
      >
        <h1 id="link-title" className="text-lg font-semibold text-indigo-700">
          {title}
        </h1>
        {fatal && (
          <p role="alert" className="text-sm text-red-700">
            {fatal}
          </p>
        )}
        {who && (
          <>
            <p className="text-sm text-slate-700">
              {t(kind === 'invitation' ? 'link.invitationIntro' : 'link.resetIntro', {
                name: who.name || who.email,
                email: who.email,
              })}
            </p>
            <StackedInput
              label={t('link.password')}
              type="password"
              required
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
            />
            <StackedInput
              label={t('link.repeat')}
              type="password"
              required
              autoComplete="new-password"
              value={repeat}
              onValue={setRepeat}
            />
            <p className="text-xs text-slate-500">{t('account.passwordHint')}</p>
            {error && (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            )}
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
            >
              {t('link.submit')}
            </button>
          </>
        )}
        <LanguageSwitch />
      </form>
    </main>
  );
}
