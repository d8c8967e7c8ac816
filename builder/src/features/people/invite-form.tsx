import { useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { PersonFields } from './person-fields.tsx';
import { LinkHandOver } from './link-hand-over.tsx';
import { useRoleLabel } from './use-role-label.ts';

type Role = Answer<'/people', 'get'>['roles'][number];

/** An admin invites a person: by mail when the workspace can send it, else a link to hand over. */
export function InviteForm({ roles, onInvited }: { roles: Role[]; onInvited: () => void }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<'es' | 'en'>('es');
  const [role, setRole] = useState<Role | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Answer<'/people/invitations', 'post'> | null>(null);
  // The least role by default: nobody gets more than the admin chose.
  const chosenRole = role || roles.at(-1) || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosenRole) return;
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      setSent(
        await ok(client.POST('/people/invitations', { body: { email, name, language, role: chosenRole } })),
      );
      setEmail('');
      setName('');
      onInvited();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.error', { message: String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="invite-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="invite-title" className="font-semibold">
        {t('people.invite')}
      </h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          {t('people.email')}
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 w-64 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <PersonFields name={name} language={language} onName={setName} onLanguage={setLanguage} />
        <label className="flex flex-col">
          {t('people.role')}
          <select
            value={chosenRole}
            onChange={(e) => setRole(e.target.value as Role)}
            className="mt-1 rounded border border-slate-300 px-2 py-1"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {t('people.send')}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {sent && (
        <LinkHandOver
          mailed={sent.mailed}
          link={sent.link}
          mailError={sent.mailError}
          mailedText={t('people.mailed', { email: sent.invitation.email })}
          handOverText={
            sent.mailError
              ? t('people.mailFailed', { email: sent.invitation.email, reason: sent.mailError })
              : t('people.handOver', { email: sent.invitation.email })
          }
        />
      )}
    </section>
  );
}
