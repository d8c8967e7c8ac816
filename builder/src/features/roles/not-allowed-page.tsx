import { useT } from '../../i18n/use-i18n.ts';

export const roleKeys = {
  admin: 'roles.admin',
  supervisor: 'roles.supervisor',
  coordinator: 'roles.coordinator',
  designer: 'roles.designer',
  agent: 'roles.agent',
  viewer: 'roles.viewer',
} as const;

export const isRole = (role: string): role is keyof typeof roleKeys => Object.hasOwn(roleKeys, role);

/** A page the caller's role does not open (a link from elsewhere or a typed address). */
export function NotAllowedPage({ role }: { role: string }) {
  const t = useT();
  const name = isRole(role) ? t(roleKeys[role]) : role;
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-lg font-semibold">{t('roles.notAllowedTitle')}</h1>
      <p className="mt-2 text-slate-700">{t('roles.notAllowed', { role: name })}</p>
      <a href="#/flows" className="mt-4 inline-block text-indigo-700 hover:underline">
        {t('roles.backToFlows')}
      </a>
    </main>
  );
}
