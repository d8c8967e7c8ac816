import { useT } from '../../i18n/use-i18n.ts';
import type { Campaign, CampaignInput } from './campaign-types.ts';

export type SendChannel = 'sms' | 'email' | 'whatsapp';
const allChannels: SendChannel[] = ['whatsapp', 'sms', 'email'];

/** The form's part for where a campaign goes: channels in order, the fallback wait, the WhatsApp template. */
export interface ChannelsDraft {
  channels: SendChannel[];
  fallbackMinutes: string;
  templateName: string;
  templateLanguage: string;
  /** One Liquid parameter per line: {{1}}, {{2}}… */
  templateParameters: string;
}

export const emptyChannels: ChannelsDraft = {
  channels: ['sms'],
  fallbackMinutes: '',
  templateName: '',
  templateLanguage: 'es',
  templateParameters: '',
};

const isSendChannel = (c: string): c is SendChannel => (allChannels as string[]).includes(c);

export function channelsDraftOf(c: Campaign): ChannelsDraft {
  const wa = c.content.whatsappTemplate;
  const channels = c.channels.filter(isSendChannel);
  return {
    channels: channels.length > 0 ? channels : ['sms'],
    fallbackMinutes: c.fallbackAfterMinutes ? String(c.fallbackAfterMinutes) : '',
    templateName: wa?.name ?? '',
    templateLanguage: wa?.language ?? 'es',
    templateParameters: wa?.parameters.join('\n') ?? '',
  };
}

/** What the API takes from this part of the form. */
export function channelsBody(d: ChannelsDraft): Pick<CampaignInput, 'channels' | 'fallbackAfterMinutes'> & {
  whatsappTemplate?: NonNullable<CampaignInput['content']>['whatsappTemplate'];
} {
  return {
    channels: d.channels,
    fallbackAfterMinutes: d.channels.length > 1 && d.fallbackMinutes ? Number(d.fallbackMinutes) : null,
    ...(d.channels.includes('whatsapp') && d.templateName
      ? {
          whatsappTemplate: {
            name: d.templateName.trim(),
            language: d.templateLanguage.trim(),
            parameters: d.templateParameters
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean),
          },
        }
      : {}),
  };
}

const input = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';
const labelKey = {
  sms: 'campaigns.channel.sms',
  email: 'campaigns.channel.email',
  whatsapp: 'campaigns.channel.whatsapp',
} as const;

/** Channels tried in order (a person not reachable or not reached on one gets the next), and what WhatsApp needs. */
export function CampaignChannelsFields({
  value,
  onChange,
}: {
  value: ChannelsDraft;
  onChange: (next: ChannelsDraft) => void;
}) {
  const t = useT();
  const set = <K extends keyof ChannelsDraft>(key: K, v: ChannelsDraft[K]) =>
    onChange({ ...value, [key]: v });
  const toggle = (channel: SendChannel, on: boolean) => {
    const next = on ? [...value.channels, channel] : value.channels.filter((c) => c !== channel);
    // Never none: a campaign goes somewhere.
    if (next.length > 0) set('channels', next);
  };
  const move = (at: number, by: -1 | 1) => {
    const next = [...value.channels];
    [next[at], next[at + by]] = [next[at + by]!, next[at]!];
    set('channels', next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('campaigns.channels')}</legend>
      <p className="text-xs text-slate-500">{t('campaigns.channels.hint')}</p>
      <ol className="space-y-1">
        {value.channels.map((channel, at) => (
          <li key={channel} className="flex items-center gap-2 text-sm">
            <span className="w-5 text-right text-slate-500">{at + 1}.</span>
            <span className="flex-1">{t(labelKey[channel])}</span>
            <button
              type="button"
              className="rounded border px-1 disabled:opacity-30"
              aria-label={t('campaigns.channels.up', { channel: t(labelKey[channel]) })}
              disabled={at === 0}
              onClick={() => move(at, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="rounded border px-1 disabled:opacity-30"
              aria-label={t('campaigns.channels.down', { channel: t(labelKey[channel]) })}
              disabled={at === value.channels.length - 1}
              onClick={() => move(at, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="rounded border px-1 disabled:opacity-30"
              aria-label={t('campaigns.channels.remove', { channel: t(labelKey[channel]) })}
              disabled={value.channels.length === 1}
              onClick={() => toggle(channel, false)}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      {allChannels
        .filter((c) => !value.channels.includes(c))
        .map((channel) => (
          <button
            key={channel}
            type="button"
            className="mr-2 rounded border border-slate-300 px-2 py-0.5 text-xs"
            onClick={() => toggle(channel, true)}
          >
            {t('campaigns.channels.add', { channel: t(labelKey[channel]) })}
          </button>
        ))}
      {value.channels.length > 1 && (
        <label className="block text-sm">
          {t('campaigns.fallback.minutes')}
          <input
            type="number"
            min={1}
            max={10080}
            className={input}
            value={value.fallbackMinutes}
            placeholder="60"
            onChange={(e) => set('fallbackMinutes', e.target.value)}
          />
          <span className="text-xs text-slate-500">{t('campaigns.fallback.hint')}</span>
        </label>
      )}
      {value.channels.includes('whatsapp') && (
        <div className="space-y-2 rounded border border-slate-200 p-2">
          <p className="text-xs text-slate-500">{t('campaigns.whatsapp.hint')}</p>
          <label className="block text-sm">
            {t('campaigns.whatsapp.name')}
            <input
              className={input}
              value={value.templateName}
              required
              pattern="[a-z0-9_]+"
              onChange={(e) => set('templateName', e.target.value)}
            />
          </label>
          <label className="block text-sm">
            {t('campaigns.whatsapp.language')}
            <input
              className={input}
              value={value.templateLanguage}
              required
              onChange={(e) => set('templateLanguage', e.target.value)}
            />
          </label>
          <label className="block text-sm">
            {t('campaigns.whatsapp.parameters')}
            <textarea
              className={input}
              rows={3}
              value={value.templateParameters}
              onChange={(e) => set('templateParameters', e.target.value)}
            />
          </label>
        </div>
      )}
    </fieldset>
  );
}
