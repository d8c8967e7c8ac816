import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { channelKey, type Quota } from './quota-bar.tsx';

type Line = components['schemas']['QuotaLedgerLine'];

/** A channel's ledger this period, a page at a time, with the whole period as CSV. */
export function QuotaLedgerTable({ quota }: { quota: Quota }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [lines, setLines] = useState<Line[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const channel = quota.channel;

  async function load(cursor?: string) {
    try {
      const page = await ok(
        client.GET('/quotas/{channel}/ledger', {
          params: { path: { channel }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      );
      // JSON unless format=csv (the download link).
      if (typeof page === 'string') return;
      setLines((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  useEffect(() => {
    setLines([]);
    void load();
  }, [channel]);

  const when = (at: string) => new Date(at).toLocaleString(locale);
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="font-medium">{t('quotas.ledgerOf', { channel: t(channelKey(channel)) })}</h3>
        <a
          href={`/api/v1/quotas/${channel}/ledger?format=csv`}
          download
          className="rounded border border-slate-300 px-3 py-1 text-sm"
        >
          {t('quotas.download')}
        </a>
      </div>
      <p className="text-sm text-slate-600">{t('quotas.ledgerIntro')}</p>
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="py-1">{t('quotas.col.at')}</th>
            <th>{t('quotas.col.reason')}</th>
            <th className="text-right">{t('quotas.col.delta')}</th>
            <th className="pl-4">{t('quotas.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-100">
            <td className="py-1">{when(quota.periodStart)}</td>
            <td>{t('quotas.reason.opening')}</td>
            <td className="text-right tabular-nums">{quota.amount.toLocaleString(locale)}</td>
            <td />
          </tr>
          {lines.map((line) => (
            <tr key={line.id} className="border-t border-slate-100">
              <td className="py-1">{when(line.at)}</td>
              <td>{t(`quotas.reason.${line.reason}` as MessageKey)}</td>
              <td
                className={`text-right tabular-nums ${line.delta < 0 ? 'text-slate-800' : 'text-emerald-700'}`}
              >
                {line.delta > 0 ? '+' : ''}
                {line.delta.toLocaleString(locale)}
              </td>
              <td className="pl-4 text-slate-600">{line.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.length === 0 && !error && <p className="text-sm text-slate-600">{t('quotas.emptyLedger')}</p>}
      {next && (
        <button type="button" onClick={() => void load(next)} className="text-sm text-indigo-700 underline">
          {t('quotas.more')}
        </button>
      )}
    </div>
  );
}
