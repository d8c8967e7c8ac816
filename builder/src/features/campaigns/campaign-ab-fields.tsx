import { useEffect } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import type { Campaign, CampaignInput } from './campaign-types.ts';

type Metric = 'delivery' | 'open' | 'click' | 'reply';
type Unit = 'minutes' | 'hours' | 'days';
type Content = NonNullable<CampaignInput['content']>;

/** Variant B onwards: what differs from variant A (the form's own content). */
export interface AbVariantDraft {
  subject: string;
  text: string;
  templateId: string;
}

export interface AbDraft {
  enabled: boolean;
  /** Variant A's share first, then each of `others`. */
  shares: number[];
  others: AbVariantDraft[];
  metric: Metric;
  testShare: number;
  testAmount: number;
  testUnit: Unit;
}

export const emptyAb: AbDraft = {
  enabled: false,
  shares: [50, 50],
  others: [{ subject: '', text: '', templateId: '' }],
  metric: 'delivery',
  testShare: 20,
  testAmount: 4,
  testUnit: 'hours',
};

const keys = ['A', 'B', 'C', 'D', 'E'];
const unitMinutes: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };

/** The test period in the largest whole unit: a person reads "2 days", never 2880 minutes. */
export function durationOf(minutes: number): { amount: number; unit: Unit } {
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

/** The draft of a saved campaign's A/B test (off when it has one variant and no test). */
export function abFromCampaign(c: Campaign): AbDraft {
  if (c.variants.length < 2 && !c.ab) return emptyAb;
  const period = durationOf(c.ab?.testMinutes ?? 240);
  return {
    enabled: true,
    shares: c.variants.map((v) => v.share),
    others: c.variants.slice(1).map((v) => ({
      subject: v.content.subject ?? '',
      text: v.content.text ?? '',
      templateId: v.content.templateId ?? '',
    })),
    metric: c.ab?.metric ?? 'delivery',
    testShare: c.ab?.testShare ?? 100,
    testAmount: period.amount,
    testUnit: period.unit,
  };
}

/** What the API takes for the test: variant A is the form's content, the others replace its parts. */
export function abBody(ab: AbDraft, content: Content): Pick<CampaignInput, 'variants' | 'ab'> {
  if (!ab.enabled) return { variants: [{ key: 'A', share: 100, content }], ab: null };
  const variantContent = (v: AbVariantDraft): Content =>
    content.templateId !== undefined
      ? { templateId: v.templateId || content.templateId, ...(v.subject ? { subject: v.subject } : {}) }
      : { text: v.text, ...(content.subject !== undefined ? { subject: v.subject } : {}) };
  return {
    variants: [
      { key: 'A', share: ab.shares[0] ?? 0, content },
      ...ab.others.map((v, i) => ({
        key: keys[i + 1]!,
        share: ab.shares[i + 1] ?? 0,
        content: variantContent(v),
      })),
    ],
    ab: { metric: ab.metric, testShare: ab.testShare, testMinutes: ab.testAmount * unitMinutes[ab.testUnit] },
  };
}

const input = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';

/** The form's A/B part: variants with their shares, the winning metric, the test's size and length. */
export function CampaignAbFields(props: {
  value: AbDraft;
  onChange: (next: AbDraft) => void;
  channel: string;
  source: 'text' | 'template';
  templates: { id: string; name: string }[];
}) {
  const t = useT();
  const { value: ab, onChange, channel, source } = props;
  const set = (change: Partial<AbDraft>) => onChange({ ...ab, ...change });
  const total = ab.shares.reduce((sum, n) => sum + n, 0);
  const metrics: Metric[] =
    channel === 'email' ? ['delivery', 'open', 'click', 'reply'] : ['delivery', 'reply'];
  // Moved to SMS with opens or clicks chosen: show (and send) a metric SMS can measure.
  const unmeasurable = ab.enabled && !metrics.includes(ab.metric);
  useEffect(() => {
    if (unmeasurable) onChange({ ...ab, metric: 'delivery' });
  }, [unmeasurable, ab, onChange]);
  const editOther = (i: number, change: Partial<AbVariantDraft>) =>
    set({ others: ab.others.map((v, j) => (j === i ? { ...v, ...change } : v)) });
  const shareInput = (i: number) => (
    <label className="text-sm">
      {t('campaigns.ab.share')}
      <input
        type="number"
        min={1}
        max={100}
        className={input}
        value={ab.shares[i] ?? 0}
        onChange={(e) => set({ shares: ab.shares.map((n, j) => (j === i ? Number(e.target.value) : n)) })}
      />
    </label>
  );

  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3">
      <label className="block text-sm font-medium">
        <input
          type="checkbox"
          checked={ab.enabled}
          onChange={(e) =>
            set({ enabled: e.target.checked, metric: metrics.includes(ab.metric) ? ab.metric : 'delivery' })
          }
        />{' '}
        {t('campaigns.ab.enable')}
      </label>
      {ab.enabled && (
        <>
          <div className="rounded bg-slate-50 p-2">
            <p className="text-sm font-medium">{t('campaigns.ab.variant', { key: 'A' })}</p>
            <p className="text-xs text-slate-500">{t('campaigns.ab.firstIsContent')}</p>
            {shareInput(0)}
          </div>
          {ab.others.map((v, i) => (
            <div key={keys[i + 1]} className="space-y-1 rounded bg-slate-50 p-2">
              <div className="flex items-center justify-between">
                <p className="text-sm font-medium">{t('campaigns.ab.variant', { key: keys[i + 1]! })}</p>
                {ab.others.length > 1 && (
                  <button
                    type="button"
                    className="text-xs text-red-700"
                    onClick={() =>
                      set({
                        others: ab.others.filter((_, j) => j !== i),
                        shares: ab.shares.filter((_, j) => j !== i + 1),
                      })
                    }
                  >
                    {t('campaigns.ab.remove', { key: keys[i + 1]! })}
                  </button>
                )}
              </div>
              {source === 'template' && (
                <select
                  className={input}
                  aria-label={t('campaigns.template.choose')}
                  value={v.templateId}
                  onChange={(e) => editOther(i, { templateId: e.target.value })}
                >
                  <option value="">{t('campaigns.template.choose')}</option>
                  {props.templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.name}
                    </option>
                  ))}
                </select>
              )}
              {channel === 'email' && (
                <label className="block text-sm">
                  {t('campaigns.subject')}
                  <input
                    className={input}
                    value={v.subject}
                    onChange={(e) => editOther(i, { subject: e.target.value })}
                  />
                </label>
              )}
              {source === 'text' && (
                <label className="block text-sm">
                  {t('campaigns.text')}
                  <textarea
                    className={input}
                    rows={3}
                    value={v.text}
                    onChange={(e) => editOther(i, { text: e.target.value })}
                  />
                </label>
              )}
              {shareInput(i + 1)}
            </div>
          ))}
          {total !== 100 && (
            <p role="alert" className="text-sm text-amber-700">
              {t('campaigns.ab.sharesTotal', { total })}
            </p>
          )}
          {ab.others.length < keys.length - 1 && (
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-1 text-sm"
              onClick={() =>
                set({
                  others: [...ab.others, { subject: '', text: '', templateId: '' }],
                  shares: [...ab.shares, 0],
                })
              }
            >
              {t('campaigns.ab.add')}
            </button>
          )}
          <label className="block text-sm">
            {t('campaigns.ab.metric')}
            <select
              className={input}
              value={ab.metric}
              onChange={(e) => set({ metric: e.target.value as Metric })}
            >
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {t(`campaigns.ab.metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {t('campaigns.ab.testShare')}
            <input
              type="number"
              min={1}
              max={100}
              className={input}
              value={ab.testShare}
              onChange={(e) => set({ testShare: Number(e.target.value) })}
            />
            <span className="text-xs text-slate-500">{t('campaigns.ab.testShareHint')}</span>
          </label>
          <div className="flex items-end gap-2">
            <label className="text-sm">
              {t('campaigns.ab.duration')}
              <input
                type="number"
                min={1}
                className={input}
                value={ab.testAmount}
                onChange={(e) => set({ testAmount: Number(e.target.value) })}
              />
            </label>
            <select
              aria-label={t('campaigns.ab.duration')}
              className="rounded border border-slate-300 px-2 py-1"
              value={ab.testUnit}
              onChange={(e) => set({ testUnit: e.target.value as Unit })}
            >
              {(['minutes', 'hours', 'days'] as const).map((unit) => (
                <option key={unit} value={unit}>
                  {t(`campaigns.ab.unit.${unit}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </fieldset>
  );
}
