import { lazy, Suspense, useEffect, useState } from 'react';
import { client, done, ok } from './api/client.ts';
import type { User } from './api/types.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { LinkPage } from './features/people/link-page.tsx';
import { FlowEditorPage } from './features/editor/flow-editor-page.tsx';
import { FlowListPage } from './features/flows/flow-list-page.tsx';
import { SandboxBanner } from './features/sandbox/sandbox-banner.tsx';
import { WorkspaceSwitcher } from './features/workspaces/workspace-switcher.tsx';
import { useT } from './i18n/use-i18n.ts';
import { LanguageSwitch } from './ui/language-switch.tsx';
import { GuidedTour } from './features/tour/guided-tour.tsx';
import { HelpMenu } from './features/tour/help-menu.tsx';
import { parseRoute, type Route } from './parse-route.ts';
import { navigate, useRoute } from './use-route.ts';

// Operations screens load on first visit: a designer opening the flow list does not pay for them.
const RunsPage = lazy(() => import('./features/runs/runs-page.tsx').then((m) => ({ default: m.RunsPage })));
const RunDetailPage = lazy(() =>
  import('./features/runs/run-detail-page.tsx').then((m) => ({ default: m.RunDetailPage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);
const WebhooksPage = lazy(() =>
  import('./features/webhooks/webhooks-page.tsx').then((m) => ({ default: m.WebhooksPage })),
);

const CallsPage = lazy(() =>
  import('./features/voice/calls-page.tsx').then((m) => ({ default: m.CallsPage })),
);
const CallDetailPage = lazy(() =>
  import('./features/voice/call-detail-page.tsx').then((m) => ({ default: m.CallDetailPage })),
);
const RecordingsPage = lazy(() =>
  import('./features/voice/recordings-page.tsx').then((m) => ({ default: m.RecordingsPage })),
);

const TemplatesPage = lazy(() =>
  import('./features/templates/templates-page.tsx').then((m) => ({ default: m.TemplatesPage })),
);

const SegmentsPage = lazy(() =>
  import('./features/segments/segments-page.tsx').then((m) => ({ default: m.SegmentsPage })),
);
const CampaignsPage = lazy(() =>
  import('./features/campaigns/campaigns-page.tsx').then((m) => ({ default: m.CampaignsPage })),
);

const PhonePage = lazy(() =>
  import('./features/phone/phone-page.tsx').then((m) => ({ default: m.PhonePage })),
);

const ContactsPage = lazy(() =>
  import('./features/contacts/contacts-page.tsx').then((m) => ({ default: m.ContactsPage })),
);
const ContactDetailPage = lazy(() =>
  import('./features/contacts/contact-detail-page.tsx').then((m) => ({ default: m.ContactDetailPage })),
);
const ContactImportPage = lazy(() =>
  import('./features/contact-import/contact-import-page.tsx').then((m) => ({ default: m.ContactImportPage })),
);

const PeoplePage = lazy(() =>
  import('./features/people/people-page.tsx').then((m) => ({ default: m.PeoplePage })),
);
const AccountPage = lazy(() =>
  import('./features/people/account-page.tsx').then((m) => ({ default: m.AccountPage })),
);
const AuditPage = lazy(() =>
  import('./features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);

const MailPage = lazy(() => import('./features/mail/mail-page.tsx').then((m) => ({ default: m.MailPage })));

function Screen({ route, user, onSignedOut }: { route: Route; user: User; onSignedOut: () => void }) {
  switch (route.screen) {
    case 'people':
      return user.role === 'admin' ? <PeoplePage meId={user.id} /> : <FlowListPage />;
    case 'account':
      return <AccountPage onSignedOut={onSignedOut} />;
    case 'editor':
      return <FlowEditorPage key={route.flowId} flowId={route.flowId} />;
    case 'runs':
      return <RunsPage flowId={route.flowId} query={route.query} />;
    case 'run':
      return <RunDetailPage key={route.runId} runId={route.runId} />;
    case 'settings':
      return <SettingsPage />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'phone':
      return <PhonePage />;
    case 'mail':
      return <MailPage />;
    case 'calls':
      return <CallsPage query={route.query} />;
    case 'call':
      return <CallDetailPage key={route.callId} callId={route.callId} />;
    case 'recordings':
      return <RecordingsPage query={route.query} isAdmin={user.role === 'admin'} />;
    case 'templates':
      return <TemplatesPage selectedName={route.name} />;
    case 'contacts':
      return <ContactsPage query={route.query} role={user.role} />;
    case 'contact':
      return <ContactDetailPage key={route.contactId} contactId={route.contactId} role={user.role} />;
    case 'segments':
      return <SegmentsPage />;
    case 'contact-import':
      return <ContactImportPage />;
    case 'campaigns':
      return <CampaignsPage campaignId={route.campaignId} editing={route.editing} />;
    case 'audit':
      return user.role === 'admin' ? <AuditPage /> : <FlowListPage />;
    case 'flows':
    case 'invitation':
    case 'password-reset':
      return <FlowListPage />;
  }
}

export function App() {
  const t = useT();
  const route = parseRoute(useRoute());
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    ok(client.GET('/auth/me')).then(
      ({ user }) => setUser(user),
      () => setUser(null),
    );
  }, []);

  // A link from an invitation or reset mail: whoever is signed in here, the link's person goes on.
  if (route.screen === 'invitation' || route.screen === 'password-reset')
    return <LinkPage kind={route.screen} token={route.token} onSignedIn={setUser} />;
  if (user === undefined) return <p className="p-6">{t('common.loading')}</p>;
  if (user === null) return <SignInPage onSignedIn={setUser} />;

  async function signOut() {
    await done(client.POST('/auth/logout'));
    setUser(null);
    navigate('/flows');
  }

  return (
    <div className="min-h-screen">
      <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <a href="#/flows" className="font-semibold text-indigo-700">
          {t('app.title')}
        </a>
        <nav aria-label={t('app.nav')} className="flex gap-4 text-sm">
          {/* The logo alone is no way back to the flows for a first-time user: say it in words. */}
          <a
            href="#/flows"
            aria-current={route.screen === 'flows' || route.screen === 'editor' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('flows.title')}
          </a>
          <a
            href="#/runs"
            aria-current={route.screen === 'runs' || route.screen === 'run' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.runs')}
          </a>
          <a
            href="#/calls"
            aria-current={route.screen === 'calls' || route.screen === 'call' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.calls')}
          </a>
          <a
            href="#/recordings"
            aria-current={route.screen === 'recordings' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.recordings')}
          </a>
          <a
            href="#/contacts"
            aria-current={
              ['contacts', 'contact', 'contact-import'].includes(route.screen) ? 'page' : undefined
            }
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.contacts')}
          </a>
          <a
            href="#/templates"
            aria-current={route.screen === 'templates' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.templates')}
          </a>
          <a
            href="#/segments"
            aria-current={route.screen === 'segments' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.segments')}
          </a>
          <a
            href="#/campaigns"
            aria-current={route.screen === 'campaigns' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.campaigns')}
          </a>
          <a
            href="#/phone"
            aria-current={route.screen === 'phone' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.phone')}
          </a>
          <a
            href="#/mail"
            aria-current={route.screen === 'mail' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.mail')}
          </a>
          {user.role === 'admin' && (
            <a
              href="#/people"
              aria-current={route.screen === 'people' ? 'page' : undefined}
              className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
            >
              {t('people.nav')}
            </a>
          )}
          <a
            href="#/settings"
            aria-current={route.screen === 'settings' ? 'page' : undefined}
            className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
          >
            {t('app.settings')}
          </a>
          {user.role === 'admin' && (
            <a
              href="#/audit"
              aria-current={route.screen === 'audit' ? 'page' : undefined}
              className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
            >
              {t('app.audit')}
            </a>
          )}
          {user.role === 'admin' && (
            <a
              href="#/webhooks"
              aria-current={route.screen === 'webhooks' ? 'page' : undefined}
              className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
            >
              {t('app.webhooks')}
            </a>
          )}
        </nav>
        <span className="ml-auto" />
        <WorkspaceSwitcher isAdmin={user.role === 'admin'} />
        <a
          href="#/account"
          title={t('account.nav')}
          aria-current={route.screen === 'account' ? 'page' : undefined}
          className="ml-auto text-sm text-slate-600 hover:underline"
        >
          {user.email}
        </a>
        <HelpMenu userId={user.id} />
        <LanguageSwitch />
        <button onClick={() => void signOut()} className="text-sm text-slate-700 hover:underline">
          {t('app.signOut')}
        </button>
      </header>
      <SandboxBanner />
      <GuidedTour autoStart={route.screen === 'editor'} />
      <Suspense fallback={<p className="p-6">{t('common.loading')}</p>}>
        <Screen route={route} user={user} onSignedOut={() => setUser(null)} />
      </Suspense>
    </div>
  );
}
