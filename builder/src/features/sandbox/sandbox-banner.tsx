import { client, ok } from '../../api/client.ts';
import type { MessagingChannel } from '../../api/types.ts';
import { usePoll } from '../../api/use-poll.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-i18n.ts';

const channelNames: Record<MessagingChannel, MessageKey> = {
  whatsapp: 'phone.channel.whatsapp',
  sms: 'phone.channel.sms',
  webchat: 'phone.channel.webchat',
  email: 'phone.channel.email',
};

/** How often the app asks again: a provider connected elsewhere clears the banner soon after. */
export const sandboxCheckEveryMs = 60_000;

/** GET /channels/sandbox: channels on the sandbox that published flows talk on. */
const loadSandboxInUse = () => ok(client.GET('/channels/sandbox'));

/**
 * A warning across the app while a published flow talks on a channel that is on the sandbox:
 * its messages count as delivered and reach no one, which nobody should learn from a customer.
 */
export function SandboxBanner() {
  const t = useT();
  const { data } = usePoll(loadSandboxInUse, sandboxCheckEveryMs);
  const inUse = data?.sandboxInUse ?? [];
  if (inUse.length === 0) return null;
  const flows = [...new Set(inUse.flatMap((c) => c.flows.map((f) => f.name)))];
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-2 bg-amber-100 px-4 py-2 text-sm text-amber-900"
    >
      <span>
        {t('sandbox.banner', {
          channels: inUse.map((c) => t(channelNames[c.channel])).join(', '),
          flows: flows.join(', '),
        })}
      </span>
      <a href="#/settings" className="font-medium underline">
        {t('sandbox.connect')}
      </a>
      {inUse.some((c) => c.channel === 'email') && (
        <a href="#/mail" className="font-medium underline">
          {t('sandbox.readMail')}
        </a>
      )}
    </div>
  );
}
