import { useT } from '../../i18n/use-i18n.ts';
import { ChannelsSection } from './channels-section.tsx';
import { DkimSection } from './dkim-section.tsx';
import { DeliverabilitySection } from './deliverability-section.tsx';
import { ImapMailboxesSection } from './imap-mailboxes-section.tsx';
import { MailDomainsSection } from './mail-domains-section.tsx';
import { RetentionSection } from './retention-section.tsx';
import { AiProviderSection } from './ai-provider-section.tsx';
import { SlaTargetSection } from './sla-target-section.tsx';
import { CampaignSettingsSection } from './campaign-settings-section.tsx';
import { WebChatEmbedSection } from './webchat-embed-section.tsx';
import { QuotasSection } from '../quotas/quotas-section.tsx';
import { ApiKeysSection } from '../api-access/api-keys-section.tsx';
import { OAuthClientsSection } from '../api-access/oauth-clients-section.tsx';
import { useCan } from '../roles/permissions.tsx';

/**
 * The workspace's settings: run history, channel providers, DKIM keys, the domains mail comes in
 * on, the mailboxes read over IMAP, email deliverability, and the web chat
 * for a site.
 */
export function SettingsPage() {
  const t = useT();
  // Channels, DKIM and mailboxes say themselves that they are an admin's; these would only fail.
  const can = useCan();
  return (
    <main className="mx-auto max-w-3xl space-y-8 p-6">
      <h1 className="text-2xl font-semibold">{t('settings.title')}</h1>
      <RetentionSection />
      <SlaTargetSection />
      <QuotasSection />
      <CampaignSettingsSection />
      <AiProviderSection />
      <ChannelsSection />
      <DkimSection />
      <MailDomainsSection />
      <ImapMailboxesSection />
      {can('channels:read') && <DeliverabilitySection />}
      {can('channels:read') && <WebChatEmbedSection />}
      {can('api-keys:manage') && <ApiKeysSection />}
      {can('api-keys:manage') && <OAuthClientsSection />}
    </main>
  );
}
