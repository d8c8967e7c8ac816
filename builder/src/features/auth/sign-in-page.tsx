import { useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { SecondFactorForm } from '../people/second-factor-form.tsx';
import { StackedInput } from '../../ui/stacked-input.tsx';

/** Whole minutes left of a sign-in lock (the API's `details.retryAfterSeconds`), at least 1. */
function lockMinutes(details: unknown): number {
  const seconds =
    typeof details === 'object' &&
    details !== null &&
    'retryAfterSeconds' in details &&
    typeof details.retryAfterSeconds === 'number'
      ? details.retryAfterSeconds
      : 60;
  return Math.max(1, Math.ceil(seconds / 60));
}

export function SignInPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codeStep, setCodeStep] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user, secondFactor } = await ok(client.POST('/auth/login', { body: { email, password } }));
      if (user) onSignedIn(user);
      else if (secondFactor) setCodeStep(secondFactor.token);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? t('auth.failed')
          : e instanceof ApiError && e.code === 'SIGN_IN_LOCKED'
            ? t('auth.locked', { minutes: lockMinutes(e.details) })
            : e instanceof ApiError && e.code === 'ACCOUNT_DEACTIVATED'
              ? t('signIn.deactivated')
              : t('common.error', { message: String(e) }),
      );
    } finally {
      setBusy(false);
    }
  }

  if (codeStep)
    return (
      <main className="flex min-h-screen items-center justify-center">
        <SecondFactorForm token={codeStep} onSignedIn={onSignedIn} />
      </main>
    );
  return (
    <main className="flex min-h-screen items-center justify-center">
      <form
        onSubmit={submit}
        className="w-80 space-y-4 rounded-lg bg-white p-6 shadow"
        aria-labelledby="sign-in-title"
      >
        <div className="flex items-center justify-between">
          <h1 id="sign-in-title" className="text-lg font-semibold text-indigo-700">
            {t('auth.title')}
          </h1>
        </div>
        <StackedInput
          label={t('auth.email')}
          type="email"
          required
          autoComplete="username"
          value={email}
          onValue={setEmail}
        />
        <StackedInput
          label={t('auth.password')}
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
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
          {t('auth.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
