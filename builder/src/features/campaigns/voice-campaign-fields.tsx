import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import type { Campaign, CampaignInput } from './campaign-types.ts';

/** What a voice campaign asks for besides a broadcast's name, segment and schedule. */
export interface VoiceDraft {
  flowId: string;
  maxConcurrentCalls: string;
  attempts: string;
  delayMinutes: string;
}

export const emptyVoice: VoiceDraft = {
  flowId: '',
  maxConcurrentCalls: '5',
  attempts: '2',
  delayMinutes: '30',
};

export function voiceDraftOf(campaign: Campaign): VoiceDraft {
  return {
    flowId: campaign.flowId ?? '',
    maxConcurrentCalls: campaign.maxConcurrentCalls ? String(campaign.maxConcurrentCalls) : '',
    attempts: String(campaign.callRetries?.attempts ?? 1),
    delayMinutes: String(campaign.callRetries?.delayMinutes ?? 30),
  };
}

/** The voice part of the API body: the flow, the lines at once, the calls per person and the wait. */
export function voiceBody(
  v: VoiceDraft,
): Pick<CampaignInput, 'kind' | 'flowId' | 'maxConcurrentCalls' | 'callRetries'> {
  const attempts = Number(v.attempts) || 1;
  return {
    kind: 'voice',
    flowId: v.flowId || null,
    maxConcurrentCalls: v.maxConcurrentCalls ? Number(v.maxConcurrentCalls) : null,
    callRetries: { attempts, delayMinutes: attempts > 1 ? Number(v.delayMinutes) || 0 : 0 },
  };
}

const input = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';

/** The voice flow each call runs, how many calls at once, and the retries of busy and unanswered ones. */
export function VoiceCampaignFields({
  value,
  onChange,
}: {
  value: VoiceDraft;
  onChange: (value: VoiceDraft) => void;
}) {
  const t = useT();
  const [flows, setFlows] = useState<{ id: string; name: string }[] | undefined>(undefined);
  useEffect(() => {
    void ok(client.GET('/campaigns/voice-flows')).then(
      (r) => setFlows(r.flows),
      () => setFlows([]),
    );
  }, []);
  const set = (key: keyof VoiceDraft, text: string) => onChange({ ...value, [key]: text });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{t('campaigns.voice.title')}</legend>
      <label className="block text-sm">
        {t('campaigns.voice.flow')}
        <select
          className={input}
          value={value.flowId}
          required
          onChange={(e) => set('flowId', e.target.value)}
        >
          <option value="">{t('campaigns.voice.flow.choose')}</option>
          {flows?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-500">
          {flows?.length === 0 ? t('campaigns.voice.flow.none') : t('campaigns.voice.flow.hint')}
        </span>
      </label>
      <label className="block text-sm">
        {t('campaigns.voice.concurrent')}
        <input
          type="number"
          min={1}
          max={500}
          className={input}
          value={value.maxConcurrentCalls}
          onChange={(e) => set('maxConcurrentCalls', e.target.value)}
        />
      </label>
      <div className="flex gap-4">
        <label className="text-sm">
          {t('campaigns.voice.attempts')}
          <input
            type="number"
            min={1}
            max={10}
            className={input}
            value={value.attempts}
            onChange={(e) => set('attempts', e.target.value)}
          />
        </label>
        <label className="text-sm">
          {t('campaigns.voice.delay')}
          <input
            type="number"
            min={0}
            max={1440}
            className={input}
            value={value.delayMinutes}
            disabled={Number(value.attempts) <= 1}
            onChange={(e) => set('delayMinutes', e.target.value)}
          />
        </label>
      </div>
      <p className="text-xs text-slate-500">{t('campaigns.voice.retryHint')}</p>
    </fieldset>
  );
}
