import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';

export type CampaignKind = 'broadcast' | 'journey' | 'voice';

const input = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';

/**
 * Broadcast, journey or calls (voice-campaign-fields.tsx has the calls' own fields); a journey names the published flow started for each person (drawn on
 * the canvas: messages, waits of days, branches on replies).
 */
export function CampaignJourneyFields({
  kind,
  flowId,
  onChange,
}: {
  kind: CampaignKind;
  flowId: string;
  onChange: (kind: CampaignKind, flowId: string) => void;
}) {
  const t = useT();
  const [flows, setFlows] = useState<{ id: string; name: string }[] | undefined>(undefined);
  useEffect(() => {
    void ok(client.GET('/flows')).then(
      // Only published flows can be started.
      (r) => setFlows(r.items.filter((f) => f.latestVersion !== null)),
      () => setFlows([]),
    );
  }, []);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('campaigns.kind')}</legend>
      {(['broadcast', 'journey', 'voice'] as const).map((k) => (
        <label key={k} className="mr-4 text-sm">
          <input type="radio" name="kind" checked={kind === k} onChange={() => onChange(k, flowId)} />{' '}
          {t(
            k === 'broadcast'
              ? 'campaigns.kind.broadcast'
              : k === 'journey'
                ? 'campaigns.kind.journey'
                : 'campaigns.channel.voice',
          )}
        </label>
      ))}
      {kind === 'journey' && (
        <label className="block text-sm">
          {t('campaigns.journey.flow')}
          <select className={input} value={flowId} required onChange={(e) => onChange(kind, e.target.value)}>
            <option value="">{t('campaigns.journey.choose')}</option>
            {flows?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          <span className="text-xs text-slate-500">
            {flows?.length === 0 ? t('campaigns.journey.none') : t('campaigns.journey.hint')}
          </span>
        </label>
      )}
    </fieldset>
  );
}
