import { useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { channelKey, type Quota } from './quota-bar.tsx';

const channels = ['sms', 'whatsapp', 'email', 'voice'] as const;
const periods = ['month', 'year', 'total'] as const;

/** Sets a channel's bag; the server says who may (admins) and what is wrong, shown as it says it. */
export function QuotaForm({ onSaved }: { onSaved: (quota: Quota) => void }) {
  const t = useT();
  const [channel, setChannel] = useState<(typeof channels)[number]>('sms');
  const [period, setPeriod] = useState<(typeof periods)[number]>('month');
  const [amount, setAmount] = useState('');
  const [overdraft, setOverdraft] = useState('0');
  const [warnPercent, setWarnPercent] = useState('80');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setState('saving');
    setError(null);
    try {
      const saved = await ok(
        client.PUT('/quotas/{channel}', {
          params: { path: { channel } },
          body: {
            period,
            amount: Number(amount),
            overdraft: Number(overdraft),
            warnPercent: Number(warnPercent),
          },
        }),
      );
      setState('saved');
      onSaved(saved);
    } catch (e) {
      setState('idle');
      setError((e as Error).message);
    }
  }

  const field = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1';
  return (
    <form
      aria-label={t('quotas.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 className="font-medium">{t('quotas.form')}</h3>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <label className="text-sm font-medium">
          {t('quotas.formChannel')}
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
            className={field}
          >
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(channelKey(c))}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t('quotas.formPeriod')}
          <select
            value={period}
            onChange={(e) => setPeriod(e.target.value as typeof period)}
            className={field}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {t(`quotas.period.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t('quotas.formAmount')}
          <input
            type="number"
            min={0}
            step={1}
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            className={field}
          />
        </label>
        <label className="text-sm font-medium">
          {t('quotas.formOverdraft')}
          <input
            type="number"
            min={0}
            step={1}
            value={overdraft}
            onChange={(e) => setOverdraft(e.target.value)}
            className={field}
          />
        </label>
        <label className="text-sm font-medium">
          {t('quotas.formWarn')}
          <input
            type="number"
            min={1}
            max={100}
            step={1}
            value={warnPercent}
            onChange={(e) => setWarnPercent(e.target.value)}
            className={field}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={state === 'saving' || amount === ''}
          className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
        >
          {t('quotas.save')}
        </button>
        <span role="status" className="text-sm text-slate-600">
          {state === 'saving' ? t('quotas.saving') : state === 'saved' ? t('quotas.saved') : ''}
        </span>
      </div>
    </form>
  );
}
