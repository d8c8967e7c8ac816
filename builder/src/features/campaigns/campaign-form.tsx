import { useEffect, useState, type FormEvent } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { loadSegments, type CampaignInput, type SegmentOption } from './campaign-types.ts';
import {
  CampaignChannelsFields,
  channelsBody,
  channelsDraftOf,
  emptyChannels,
  type ChannelsDraft,
  type SendChannel,
} from './campaign-channels-fields.tsx';
import {
  emptyVoice,
  VoiceCampaignFields,
  voiceBody,
  voiceDraftOf,
  type VoiceDraft,
} from './voice-campaign-fields.tsx';
import { CampaignJourneyFields, type CampaignKind } from './campaign-journey-fields.tsx';
import { CampaignRecurrenceField, type Recurrence } from './campaign-recurrence-field.tsx';
import { abBody, abFromCampaign, CampaignAbFields, emptyAb, type AbDraft } from './campaign-ab-fields.tsx';

type Mode = 'now' | 'at' | 'local';

interface Draft {
  name: string;
  kind: CampaignKind;
  /** A journey's flow. */
  flowId: string;
  recurrence: Recurrence;
  /** The first of `reach.channels`, or voice for a campaign of calls. */
  channel: SendChannel | 'voice';
  reach: ChannelsDraft;
  voice: VoiceDraft;
  segmentId: string;
  source: 'text' | 'template';
  templateId: string;
  subject: string;
  text: string;
  mode: Mode;
  date: string;
  time: string;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  rate: string;
  marketing: boolean;
  ab: AbDraft;
}

const empty: Draft = {
  name: '',
  kind: 'broadcast',
  flowId: '',
  recurrence: '',
  channel: 'sms',
  reach: emptyChannels,
  voice: emptyVoice,
  segmentId: '',
  source: 'text',
  templateId: '',
  subject: '',
  text: '',
  mode: 'now',
  date: '',
  time: '09:00',
  quiet: false,
  quietFrom: '21:00',
  quietTo: '08:00',
  rate: '',
  marketing: true,
  ab: emptyAb,
};

/** What the API takes from the form: a date and time typed here are this browser's local time. */
function bodyOf(d: Draft): CampaignInput {
  const schedule: CampaignInput['schedule'] =
    d.mode === 'at'
      ? { mode: 'at', at: new Date(`${d.date}T${d.time}`).toISOString() }
      : d.mode === 'local'
        ? { mode: 'local', localTime: d.time, ...(d.date ? { localDate: d.date } : {}) }
        : { mode: 'now' };
  const { whatsappTemplate, ...reach } = channelsBody(d.reach);
  if (d.recurrence) schedule.recurrence = d.recurrence;
  const content: CampaignInput['content'] = {
    ...(d.source === 'template'
      ? {
          ...(d.templateId ? { templateId: d.templateId } : {}),
          ...(d.subject ? { subject: d.subject } : {}),
        }
      : { text: d.text, ...(d.reach.channels.includes('email') ? { subject: d.subject } : {}) }),
    ...(whatsappTemplate ? { whatsappTemplate } : {}),
  };
  return {
    name: d.name,
    channel: d.channel,
    // A campaign of calls goes by voice alone: no list of message channels to fall back on.
    ...(d.channel === 'voice' ? { fallbackAfterMinutes: null } : reach),
    segmentId: d.segmentId || null,
    content,
    ...abBody(d.ab, content),
    schedule,
    quietHours: d.quiet ? { from: d.quietFrom, to: d.quietTo } : null,
    ratePerSecond: d.rate ? Number(d.rate) : null,
    marketing: d.marketing,
    ...(d.kind === 'voice'
      ? voiceBody(d.voice)
      : {
          kind: d.kind,
          flowId: d.kind === 'journey' ? d.flowId || null : null,
          maxConcurrentCalls: null,
          callRetries: null,
        }),
  };
}

const input = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';

/** Create or edit a draft campaign. */
export function CampaignForm({ campaignId }: { campaignId?: string }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(empty);
  const [segments, setSegments] = useState<SegmentOption[] | undefined>(undefined);
  const [templates, setTemplates] = useState<{ id: string; name: string; kind: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    void loadSegments().then(setSegments);
    void ok(client.GET('/templates')).then(
      (r) => setTemplates(r.items),
      () => setTemplates([]),
    );
    if (!campaignId) return;
    void ok(client.GET('/campaigns/{id}', { params: { path: { id: campaignId } } })).then((c) => {
      const s = c.schedule;
      const at = s.mode === 'at' ? new Date(s.at) : undefined;
      const pad = (n: number) => String(n).padStart(2, '0');
      setDraft({
        ...empty,
        name: c.name,
        kind: c.kind === 'journey' ? 'journey' : c.kind === 'voice' ? 'voice' : 'broadcast',
        flowId: c.kind === 'journey' ? (c.flowId ?? '') : '',
        recurrence: s.recurrence ?? '',
        reach: channelsDraftOf(c),
        channel: c.kind === 'voice' ? 'voice' : channelsDraftOf(c).channels[0]!,
        voice: voiceDraftOf(c),
        segmentId: c.segmentId ?? '',
        source: c.content.templateId ? 'template' : 'text',
        templateId: c.content.templateId ?? '',
        subject: c.content.subject ?? '',
        text: c.content.text ?? '',
        mode: s.mode,
        date: at
          ? `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
          : s.mode === 'local'
            ? (s.localDate ?? '')
            : '',
        time: at
          ? `${pad(at.getHours())}:${pad(at.getMinutes())}`
          : s.mode === 'local'
            ? s.localTime
            : '09:00',
        quiet: c.quietHours !== null,
        quietFrom: c.quietHours?.from ?? '21:00',
        quietTo: c.quietHours?.to ?? '08:00',
        rate: c.ratePerSecond ? String(c.ratePerSecond) : '',
        marketing: c.marketing,
        ab: abFromCampaign(c),
      });
    });
  }, [campaignId]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = bodyOf(draft);
      const saved = campaignId
        ? await ok(client.PATCH('/campaigns/{id}', { params: { path: { id: campaignId } }, body }))
        : await ok(client.POST('/campaigns', { body }));
      navigate(`/campaigns/${saved.id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const usable = templates.filter((tpl) => draft.channel === 'email' || tpl.kind === 'text');
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-xl font-semibold">{draft.name || t('campaigns.new')}</h1>
      <form onSubmit={(e) => void save(e)} className="mt-4 space-y-4">
        <label className="block text-sm font-medium">
          {t('campaigns.name')}
          <input
            className={input}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            required
          />
        </label>
        <CampaignJourneyFields
          kind={draft.kind}
          flowId={draft.flowId}
          onChange={(kind, flowId) =>
            setDraft((d) => ({
              ...d,
              kind,
              flowId,
              channel: kind === 'voice' ? 'voice' : d.reach.channels[0]!,
            }))
          }
        />
        {draft.channel !== 'voice' && (
          <CampaignChannelsFields
            value={draft.reach}
            onChange={(reach) => setDraft((d) => ({ ...d, reach, channel: reach.channels[0]! }))}
          />
        )}
        <label className="block text-sm font-medium">
          {t('campaigns.segment')}
          <select
            className={input}
            value={draft.segmentId}
            onChange={(e) => set('segmentId', e.target.value)}
          >
            <option value="">{t('campaigns.segment.choose')}</option>
            {segments?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {segments?.length === 0 && (
            <span className="text-xs text-slate-500">{t('campaigns.segment.none')}</span>
          )}
        </label>
        {draft.channel === 'voice' && (
          <VoiceCampaignFields value={draft.voice} onChange={(voice) => set('voice', voice)} />
        )}
        <fieldset className="space-y-2" hidden={draft.kind !== 'broadcast'}>
          <legend className="text-sm font-medium">{t('campaigns.content')}</legend>
          <label className="mr-4 text-sm">
            <input
              type="radio"
              name="source"
              checked={draft.source === 'text'}
              onChange={() => set('source', 'text')}
            />{' '}
            {t('campaigns.content.text')}
          </label>
          <label className="text-sm">
            <input
              type="radio"
              name="source"
              checked={draft.source === 'template'}
              onChange={() => set('source', 'template')}
            />{' '}
            {t('campaigns.content.template')}
          </label>
          {draft.source === 'template' ? (
            <select
              className={input}
              aria-label={t('campaigns.template.choose')}
              value={draft.templateId}
              onChange={(e) => set('templateId', e.target.value)}
            >
              <option value="">{t('campaigns.template.choose')}</option>
              {usable.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </select>
          ) : (
            <>
              {draft.reach.channels.includes('email') && (
                <label className="block text-sm">
                  {t('campaigns.subject')}
                  <input
                    className={input}
                    value={draft.subject}
                    onChange={(e) => set('subject', e.target.value)}
                  />
                </label>
              )}
              <label className="block text-sm">
                {t('campaigns.text')}
                <textarea
                  className={input}
                  rows={4}
                  value={draft.text}
                  onChange={(e) => set('text', e.target.value)}
                />
                <span className="text-xs text-slate-500">{t('campaigns.textHint')}</span>
              </label>
            </>
          )}
        </fieldset>
        {draft.kind === 'broadcast' && (
          <CampaignAbFields
            value={draft.ab}
            onChange={(ab) => set('ab', ab)}
            channel={draft.channel}
            source={draft.source}
            templates={usable}
          />
        )}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t('campaigns.schedule')}</legend>
          {(['now', 'at', 'local'] as const).map((mode) => (
            <label key={mode} className="block text-sm">
              <input
                type="radio"
                name="mode"
                checked={draft.mode === mode}
                onChange={() => set('mode', mode)}
              />{' '}
              {t(`campaigns.schedule.${mode}`)}
            </label>
          ))}
          {draft.mode !== 'now' && (
            <div className="flex gap-4">
              <label className="text-sm">
                {t('campaigns.schedule.date')}
                <input
                  type="date"
                  className={input}
                  value={draft.date}
                  required={draft.mode === 'at'}
                  onChange={(e) => set('date', e.target.value)}
                />
              </label>
              <label className="text-sm">
                {t('campaigns.schedule.time')}
                <input
                  type="time"
                  className={input}
                  value={draft.time}
                  required
                  onChange={(e) => set('time', e.target.value)}
                />
              </label>
            </div>
          )}
          <CampaignRecurrenceField value={draft.recurrence} onChange={(v) => set('recurrence', v)} />
        </fieldset>
        <fieldset className="space-y-2">
          <label className="block text-sm font-medium">
            <input type="checkbox" checked={draft.quiet} onChange={(e) => set('quiet', e.target.checked)} />{' '}
            {t('campaigns.quiet')}
          </label>
          {draft.quiet ? (
            <div className="flex gap-4">
              <label className="text-sm">
                {t('campaigns.quiet.from')}
                <input
                  type="time"
                  className={input}
                  value={draft.quietFrom}
                  onChange={(e) => set('quietFrom', e.target.value)}
                />
              </label>
              <label className="text-sm">
                {t('campaigns.quiet.to')}
                <input
                  type="time"
                  className={input}
                  value={draft.quietTo}
                  onChange={(e) => set('quietTo', e.target.value)}
                />
              </label>
            </div>
          ) : (
            <p className="text-xs text-slate-500">{t('campaigns.quiet.workspace')}</p>
          )}
        </fieldset>
        <label className="block text-sm font-medium" hidden={draft.channel === 'voice'}>
          {t('campaigns.rate')}
          <input
            type="number"
            min={1}
            max={10000}
            className={input}
            value={draft.rate}
            onChange={(e) => set('rate', e.target.value)}
          />
          <span className="text-xs font-normal text-slate-500">{t('campaigns.rate.hint')}</span>
        </label>
        <label className="block text-sm">
          <input
            type="checkbox"
            checked={draft.marketing}
            onChange={(e) => set('marketing', e.target.checked)}
          />{' '}
          {t('campaigns.marketing')}
        </label>
        {error && (
          <p role="alert" className="text-red-700">
            {t('campaigns.saveFailed', { message: error })}
          </p>
        )}
        <button
          type="submit"
          disabled={saving}
          className="rounded bg-indigo-600 px-3 py-1.5 text-sm text-white disabled:opacity-50"
        >
          {saving ? t('campaigns.saving') : t('campaigns.save')}
        </button>
      </form>
    </main>
  );
}
