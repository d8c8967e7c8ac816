import { useEffect, useState } from 'react';
import { api } from './api/client.ts';
import type { User } from './api/types.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { FlowEditorPage } from './features/editor/flow-editor-page.tsx';
import { FlowListPage } from './features/flows/flow-list-page.tsx';
import { useT } from './i18n/use-i18n.ts';
import { LanguageSwitch } from './ui/language-switch.tsx';
import { navigate, useRoute } from './use-route.ts';

export function App() {
  const t = useT();
  const route = useRoute();
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api<{ user: User | null }>('GET', '/auth/me').then(
      ({ user }) => setUser(user),
      () => setUser(null),
    );
  }, []);

  if (user === undefined) return <p className="p-6">{t('common.loading')}</p>;
  if (user === null) return <SignInPage onSignedIn={setUser} />;

  async function signOut() {
    await api('POST', '/auth/logout');
    setUser(null);
    navigate('/flows');
  }

  return (
    <div className="min-h-screen">
      <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <a href="#/flows" className="font-semibold text-indigo-700">
          {t('app.title')}
        </a>
        <span className="ml-auto text-sm text-slate-600">{user.email}</span>
        <LanguageSwitch />
        <button onClick={() => void signOut()} className="text-sm text-slate-700 hover:underline">
          {t('app.signOut')}
        </button>
      </header>
      {route.startsWith('/flows/') ? (
        <FlowEditorPage key={route} flowId={route.slice('/flows/'.length)} />
      ) : (
        <FlowListPage />
      )}
    </div>
  );
}
