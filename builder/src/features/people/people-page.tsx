import { useCallback, useEffect, useState } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { InviteForm } from './invite-form.tsx';
import { LinkHandOver } from './link-hand-over.tsx';
import { useRoleLabel } from './use-role-label.ts';

type People = Answer<'/people', 'get'>;
type Person = People['items'][number];

/** Admins: who is in the workspace, who is invited, and what to do about each. */
export function PeoplePage({ meId }: { meId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const roleLabel = useRoleLabel();
  const [people, setPeople] = useState<People | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ mailed: boolean; link?: string; name: string } | null>(null);
  const [deactivating, setDeactivating] = useState<Person | null>(null);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);

  const load = useCallback(() => {
    ok(client.GET('/people')).then(setPeople, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, []);
  useEffect(load, [load]);

  /** Runs an action, shows the server's refusal if any, and reloads the list. */
  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.error', { message: String(e) }));
    }
    load();
  }

  const change = (
    person: Person,
    body: { name?: string; language?: 'es' | 'en'; role?: Person['role']; status?: Person['status'] },
  ) => act(() => ok(client.PATCH('/people/{id}', { params: { path: { id: person.id } }, body })));

  const date = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(locale === 'es' ? 'es-ES' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : t('people.never');

  if (!people) return <p className="p-6">{error ?? t('common.loading')}</p>;
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-6">
      <h1 className="text-xl font-semibold">{t('people.title')}</h1>
      <InviteForm roles={people.roles} onInvited={load} />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {notice && (
        <LinkHandOver
          mailed={notice.mailed}
          link={notice.link}
          mailedText={t('people.resetMailed', { name: notice.name })}
          handOverText={t('people.resetHandOver', { name: notice.name })}
        />
      )}
      <section aria-labelledby="people-list" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="people-list" className="mb-2 font-semibold">
          {t('people.list')}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1">{t('people.name')}</th>
              <th>{t('people.email')}</th>
              <th>{t('people.role')}</th>
              <th>{t('people.language')}</th>
              <th>{t('people.status')}</th>
              <th>{t('people.twoStep')}</th>
              <th>{t('people.lastSeen')}</th>
              <th>{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.items.map((person) => {
              const self = person.id === meId;
              const label = person.name || person.email;
              return (
                <tr key={person.id} className="border-t border-slate-100 align-top">
                  <td className="py-2">
                    {editing?.id === person.id ? (
                      <span className="flex gap-1">
                        <input
                          aria-label={t('people.name')}
                          value={editing.name}
                          onChange={(e) => setEditing({ id: person.id, name: e.target.value })}
                          className="w-36 rounded border border-slate-300 px-1"
                        />
                        <button
                          onClick={() =>
                            void change(person, { name: editing.name }).then(() => setEditing(null))
                          }
                          className="text-indigo-700 hover:underline"
                        >
                          {t('people.save')}
                        </button>
                        <button onClick={() => setEditing(null)} className="text-slate-600 hover:underline">
                          {t('people.cancel')}
                        </button>
                      </span>
                    ) : (
                      <>
                        {label} {self && <span className="text-slate-500">{t('people.you')}</span>}{' '}
                        <button
                          onClick={() => setEditing({ id: person.id, name: person.name })}
                          aria-label={`${t('people.edit')}: ${label}`}
                          className="text-xs text-indigo-700 hover:underline"
                        >
                          {t('people.edit')}
                        </button>
                      </>
                    )}
                  </td>
                  <td>{person.email}</td>
                  <td>
                    <select
                      aria-label={`${t('people.role')}: ${label}`}
                      value={person.role}
                      disabled={self}
                      onChange={(e) => void change(person, { role: e.target.value as Person['role'] })}
                      className="rounded border border-slate-300 px-1"
                    >
                      {people.roles.map((r) => (
                        <option key={r} value={r}>
                          {roleLabel(r)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${t('people.language')}: ${label}`}
                      value={person.language}
                      onChange={(e) => void change(person, { language: e.target.value as 'es' | 'en' })}
                      className="rounded border border-slate-300 px-1"
                    >
                      <option value="es">{t('people.lang.es')}</option>
                      <option value="en">{t('people.lang.en')}</option>
                    </select>
                  </td>
                  <td>{person.status === 'active' ? t('people.active') : t('people.deactivated')}</td>
                  <td>{person.secondFactor ? '✓' : '—'}</td>
                  <td>{date(person.lastSeenAt)}</td>
                  <td className="space-x-2 whitespace-nowrap">
                    {!self &&
                      (person.status === 'active' ? (
                        <button
                          onClick={() => setDeactivating(person)}
                          className="text-red-700 hover:underline"
                        >
                          {t('people.deactivate')}
                        </button>
                      ) : (
                        <button
                          onClick={() => void change(person, { status: 'active' })}
                          className="text-indigo-700 hover:underline"
                        >
                          {t('people.reactivate')}
                        </button>
                      ))}
                    <button
                      onClick={() =>
                        void act(async () => {
                          const sent = await ok(
                            client.POST('/people/{id}/password-reset', {
                              params: { path: { id: person.id } },
                            }),
                          );
                          setNotice({
                            mailed: sent.mailed,
                            ...(sent.link ? { link: sent.link } : {}),
                            name: label,
                          });
                        })
                      }
                      className="text-indigo-700 hover:underline"
                    >
                      {t('people.resetPassword')}
                    </button>
                    {person.sessions > 0 && !self && (
                      <button
                        onClick={() =>
                          void act(() =>
                            done(
                              client.DELETE('/people/{id}/sessions', { params: { path: { id: person.id } } }),
                            ),
                          )
                        }
                        className="text-indigo-700 hover:underline"
                      >
                        {t('people.endSessions')}
                      </button>
                    )}
                    {person.secondFactor && (
                      <button
                        onClick={() =>
                          void act(() =>
                            done(
                              client.DELETE('/people/{id}/second-factor', {
                                params: { path: { id: person.id } },
                              }),
                            ),
                          )
                        }
                        className="text-indigo-700 hover:underline"
                      >
                        {t('people.resetSecondFactor')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {people.invitations.length > 0 && (
        <section aria-labelledby="people-pending" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="people-pending" className="mb-2 font-semibold">
            {t('people.pending')}
          </h2>
          <ul className="space-y-1 text-sm">
            {people.invitations.map((inv) => (
              <li key={inv.id} className="flex items-center gap-3">
                <span>
                  {inv.name} · {inv.email} · {roleLabel(inv.role)}
                </span>
                <span className="text-slate-500">{t('people.expires', { date: date(inv.expiresAt) })}</span>
                <button
                  onClick={() =>
                    void act(() =>
                      done(client.DELETE('/people/invitations/{id}', { params: { path: { id: inv.id } } })),
                    )
                  }
                  aria-label={`${t('people.revoke')}: ${inv.email}`}
                  className="text-red-700 hover:underline"
                >
                  {t('people.revoke')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {deactivating && (
        <ConfirmDialog
          title={t('people.deactivate')}
          confirmLabel={t('people.deactivate')}
          danger
          onClose={() => setDeactivating(null)}
          onConfirm={async () => {
            await change(deactivating, { status: 'deactivated' });
            setDeactivating(null);
          }}
        >
          <p>{t('people.confirmDeactivate', { name: deactivating.name || deactivating.email })}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
