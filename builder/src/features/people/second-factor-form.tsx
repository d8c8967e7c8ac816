import { useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { StackedInput } from '../../ui/stacked-input.tsx';

/** The sign-in's second step: the code from the person's authenticator app, or a recovery code. */
export function SecondFactorForm({ token, onSignedIn }: { token: string; onSignedIn: (user: User) => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await ok(client.POST('/auth/second-factor', { body: { token, code } }));
      onSignedIn(user);
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'CODE_WRONG'
          ? t('signIn.codeWrong')
          : e instanceof ApiError
            ? e.message
            : t('common.error', { message: String(e) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="w-80 space-y-4 rounded-lg bg-white p-6 shadow"
      aria-labelledby="code-title"
    >
      <h1 id="code-title" className="text-lg font-semibold text-indigo-700">
        {t('signIn.codeTitle')}
      </h1>
      <p className="text-sm text-slate-600">{t('signIn.codeIntro')}</p>
      <StackedInput
        label={t('signIn.code')}
        required
        autoFocus
        autoComplete="one-time-code"
        inputMode="text"
        value={code}
        onValue={setCode}
        className="font-mono"
      />
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
        {t('signIn.verify')}
      </button>
    </form>
  );
}
