import { useState, type FormEvent } from 'react';
import { client, ok } from '../../api/client.ts';
import type { WrittenMail, WrittenMailResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

const field = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/** A person's mail to your flows (through the same path as mail that arrives), and where it went. */
export function WriteMailForm({ onSent, onClose }: { onSent: () => void; onClose: () => void }) {
  const t = useT();
  const [mail, setMail] = useState<WrittenMail>({ from: '', to: '', subject: '', text: '' });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<WrittenMailResult | null>(null);
  const set = (key: keyof WrittenMail) => (e: { target: { value: string } }) =>
    setMail((m) => ({ ...m, [key]: e.target.value }));

  async function send(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setError(null);
    setResult(null);
    try {
      setResult(await ok(client.POST('/mail-catcher/inbound', { body: mail })));
      onSent();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      aria-labelledby="write-mail-title"
      onSubmit={(e) => void send(e)}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="write-mail-title" className="font-semibold">
        {t('mail.write.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('mail.write.intro')}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="block text-sm">
          {t('mail.write.from')}
          <input
            type="email"
            required
            value={mail.from}
            onChange={set('from')}
            className={field}
            placeholder="ana@example.org"
          />
        </label>
        <label className="block text-sm">
          {t('mail.write.to')}
          <input
            type="email"
            required
            value={mail.to}
            onChange={set('to')}
            className={field}
            placeholder="help@example.org"
          />
        </label>
      </div>
      <label className="block text-sm">
        {t('mail.write.subject')}
        <input value={mail.subject} onChange={set('subject')} maxLength={998} className={field} />
      </label>
      <label className="block text-sm">
        {t('mail.write.text')}
        <textarea value={mail.text} onChange={set('text')} rows={4} className={field} />
      </label>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={sending}
          className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
        >
          {sending ? t('mail.write.sending') : t('mail.write.send')}
        </button>
        <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1 text-sm">
          {t('mail.write.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('mail.write.failed', { message: error })}
        </p>
      )}
      {result?.results.map((r) => (
        <p
          key={r.to}
          role="status"
          data-outcome={r.outcome}
          className={`rounded border p-2 text-sm ${
            r.outcome === 'unrouted' ||
            r.outcome === 'opted-out' ||
            r.outcome === 'skipped' ||
            r.outcome === 'not-ours'
              ? 'border-amber-300 bg-amber-50 text-amber-900'
              : 'border-emerald-300 bg-emerald-50 text-emerald-900'
          }`}
        >
          {
            {
              started: t('mail.outcome.started'),
              delivered: t('mail.outcome.delivered'),
              unrouted: t('mail.outcome.unrouted', { address: r.to }),
              duplicate: t('mail.outcome.duplicate'),
              'opted-out': t('mail.outcome.optedOut'),
              'opted-in': t('mail.outcome.optedIn'),
              skipped: t('mail.outcome.skipped'),
              report: t('mail.outcome.report'),
              'not-ours': t('mail.outcome.notOurs', { address: r.to }),
            }[r.outcome]
          }
          {r.runId && (
            <>
              {' '}
              <a href={`#/runs/${r.runId}`} className="font-medium text-indigo-700 underline">
                {t('mail.outcome.openRun')}
              </a>
            </>
          )}
        </p>
      ))}
    </form>
  );
}
