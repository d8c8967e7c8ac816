import { lazy, Suspense, useEffect, useState } from 'react';
import { client, done, ok } from './api/client.ts';
import type { Permission, User } from './api/types.ts';
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
import { navItems } from './nav-items.ts';
import { NotAllowedPage } from './features/roles/not-allowed-page.tsx';
import { PermissionsProvider, useCan } from './features/roles/permissions.tsx';
import { screenPermissions } from './features/roles/screen-permissions.ts';

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
const ReportSchedulesPage = lazy(() =>
  import('./features/report-schedules/report-schedules-page.tsx').then((m) => ({
    default: m.ReportSchedulesPage,
  })),
);
const BackupsPage = lazy(() =>
  import('./features/backups/backups-page.tsx').then((m) => ({ default: m.BackupsPage })),
);

const ReportsPage = lazy(() =>
  import('./features/reports/reports-page.tsx').then((m) => ({ default: m.ReportsPage })),
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
const DashboardPage = lazy(() =>
  import('./features/dashboard/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const AuditPage = lazy(() =>
  import('./features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);

const MailPage = lazy(() => import('./features/mail/mail-page.tsx').then((m) => ({ default: m.MailPage })));

function Screen({ route, user, onSignedOut }: { route: Route; user: User; onSignedOut: () => void }) {
  const can = useCan();
  if (!can(screenPermissions[route.screen])) return <NotAllowedPage role={user.role} />;
  switch (route.screen) {
    case 'people':
      return <PeoplePage meId={user.id} />;
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
    case 'backups':
      return <BackupsPage />;
    case 'report-schedules':
      return <ReportSchedulesPage />;
    case 'phone':
      return <PhonePage />;
    case 'mail':
      return <MailPage />;
    case 'calls':
      return <CallsPage query={route.query} />;
    case 'call':
      return <CallDetailPage key={route.callId} callId={route.callId} />;
    case 'recordings':
      return <RecordingsPage query={route.query} isAdmin={can('recordings:manage')} />;
    case 'templates':
      return <TemplatesPage selectedName={route.name} />;
    case 'contacts':
      return <ContactsPage query={route.query} />;
    case 'contact':
      return <ContactDetailPage key={route.contactId} contactId={route.contactId} />;
    case 'segments':
      return <SegmentsPage />;
    case 'contact-import':
      return <ContactImportPage />;
    case 'campaigns':
      return <CampaignsPage campaignId={route.campaignId} editing={route.editing} />;
    case 'audit':
      return <AuditPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'reports':
      return <ReportsPage />;
    case 'flows':
    case 'invitation':
    case 'password-reset':
      return <FlowListPage />;
  }
}

export function App() {
  const t = useT();
  const route = parseRoute(useRoute());
  const [me, setMe] = useState<{ user: User; permissions: Permission[] } | null | undefined>(undefined);

  // Who is signed in and what their role lets them do: the app offers only that.
  const loadMe = () =>
    ok(client.GET('/auth/me')).then(
      ({ user, permissions }) => setMe(user ? { user, permissions } : null),
      () => setMe(null),
    );
  useEffect(() => void loadMe(), []);

  // A link from an invitation or reset mail: whoever is signed in here, the link's person goes on.
  if (route.screen === 'invitation' || route.screen === 'password-reset')
    return <LinkPage kind={route.screen} token={route.token} onSignedIn={() => void loadMe()} />;
  if (me === undefined) return <p className="p-6">{t('common.loading')}</p>;
  if (me === null) return <SignInPage onSignedIn={() => void loadMe()} />;
  return (
    <PermissionsProvider permissions={me.permissions} role={me.user.role}>
      <SignedInApp user={me.user} onSignedOut={() => setMe(null)} />
    </PermissionsProvider>
  );
}

function SignedInApp({ user, onSignedOut }: { user: User; onSignedOut: () => void }) {
  const t = useT();
  const can = useCan();
  const route = parseRoute(useRoute());

  async function signOut() {
    await done(client.POST('/auth/logout'));
    onSignedOut();
    navigate('/flows');
  }

  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
        <a href="#/flows" className="font-semibold text-indigo-700">
          {t('app.title')}
        </a>
        <nav aria-label={t('app.nav')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {/* The logo alone is no way back to the flows for a first-time user: say it in words. */}
          {navItems
            .filter((item) => can(item.permission))
            .map((item) => (
              <a
                key={item.href}
                href={item.href}
                aria-current={item.screens.includes(route.screen) ? 'page' : undefined}
                className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
              >
                {t(item.label)}
              </a>
            ))}
        </nav>
        <span className="ml-auto" />
        <WorkspaceSwitcher isAdmin={can('workspaces:manage')} />
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
        <Screen route={route} user={user} onSignedOut={onSignedOut} />
      </Suspense>
    </div>
  );
}
