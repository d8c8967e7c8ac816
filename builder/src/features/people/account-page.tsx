import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { PersonFields } from './person-fields.tsx';
import { SecondFactorSection } from './second-factor-section.tsx';

type Account = Answer<'/account', 'get'>;
type Sessions = Answer<'/account/sessions', 'get'>['items'];

/** A person's own profile, password, sessions and sign-in code. */
export function AccountPage({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const setLocale = useLocale((s) => s.setLocale);
  const [account, setAccount] = useState<Account | null>(null);
  const [sessions, setSessions] = useState<Sessions>([]);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<'es' | 'en'>('es');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const failed = (e: unknown) =>
    setError(e instanceof ApiError ? e.message : t('common.error', { message: String(e) }));
  const load = useCallback(() => {
    ok(client.GET('/account')).then((a) => {
      setAccount(a);
      setName(a.person.name);
      setLanguage(a.person.language);
    }, failed);
    ok(client.GET('/account/sessions')).then((s) => setSessions(s.items), failed);
  }, []);
  useEffect(load, [load]);

  async function saveProfile(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await ok(client.PATCH('/account', { body: { name, language } }));
      setLocale(language);
      setStatus(t('account.saved'));
    } catch (e) {
      failed(e);
    }
  }

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await done(client.POST('/account/password', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      setStatus(t('account.passwordChanged'));
      load();
    } catch (e) {
      failed(e);
    }
  }

  async function endSession(id: string, isCurrent: boolean) {
    try {
      await done(client.DELETE('/account/sessions/{id}', { params: { path: { id } } }));
      if (isCurrent) return onSignedOut();
      load();
    } catch (e) {
      failed(e);
    }
  }

  const date = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(locale === 'es' ? 'es-ES' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : '—';

  if (!account) return <p className="p-6">{error ?? t('common.loading')}</p>;
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <h1 className="text-xl font-semibold">{t('account.title')}</h1>
      {status && (
        <p role="status" className="text-sm text-green-800">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <section aria-labelledby="profile" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="profile" className="mb-2 font-semibold">
          {t('account.profile')}
        </h2>
        <form onSubmit={saveProfile} className="flex flex-wrap items-end gap-3 text-sm">
          <span className="text-slate-600">{account.person.email}</span>
          <PersonFields
            name={name}
            language={language}
            onName={setName}
            onLanguage={setLanguage}
            nameWidth="w-56"
          />
          <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700">
            {t('people.save')}
          </button>
        </form>
      </section>
      <section aria-labelledby="password" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="password" className="mb-2 font-semibold">
          {t('account.password')}
        </h2>
        <form onSubmit={changePassword} className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col">
            {t('account.currentPassword')}
            <input
              type="password"
              required
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              className="mt-1 w-56 rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="flex flex-col">
            {t('account.newPassword')}
            <input
              type="password"
              required
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              className="mt-1 w-56 rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700">
            {t('account.changePassword')}
          </button>
        </form>
        <p className="mt-1 text-xs text-slate-500">{t('account.passwordHint')}</p>
      </section>
      <section aria-labelledby="sessions" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="sessions" className="mb-2 font-semibold">
          {t('account.sessions')}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th>{t('account.started')}</th>
              <th>{t('people.lastSeen')}</th>
              <th>{t('account.address')}</th>
              <th>{t('account.device')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-t border-slate-100">
                <td className="py-1">{date(s.createdAt)}</td>
                <td>{date(s.lastSeenAt)}</td>
                <td>{s.ipAddress ?? '—'}</td>
                <td className="max-w-xs truncate" title={s.userAgent ?? ''}>
                  {s.userAgent ?? '—'}
                </td>
                <td className="whitespace-nowrap">
                  {s.current && <span className="mr-2 text-slate-500">{t('account.thisSession')}</span>}
                  <button
                    onClick={() => void endSession(s.id, s.current)}
                    className="text-red-700 hover:underline"
                  >
                    {t('account.endSession')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SecondFactorSection
        enabled={account.secondFactor.enabled}
        codesLeft={account.secondFactor.recoveryCodesLeft}
        onChanged={load}
      />
    </main>
  );
}
