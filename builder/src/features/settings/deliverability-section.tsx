import { useEffect, useId, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { DeliverabilityReport } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { DeliverabilityCheckCard } from './deliverability-check-card.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; report: DeliverabilityReport };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Settings → Email deliverability: a sending domain's SPF, DKIM, DMARC and MX in plain words,
 * with the exact record to publish for each one missing or wrong. Nothing runs until asked:
 * the check asks DNS servers, which can take seconds.
 */
export function DeliverabilitySection() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const ids = { domain: useId(), hint: useId(), list: useId() };
  const [domains, setDomains] = useState<string[]>([]);
  const [domain, setDomain] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    let stale = false;
    ok(client.GET('/email/deliverability/domains')).then(
      (found) => {
        if (stale) return;
        setDomains(found.domains);
        setDomain((typed) => typed || (found.domains[0] ?? ''));
      },
      (error: unknown) => {
        if (stale) return;
        if (error instanceof ApiError && error.status === 403) setState({ kind: 'forbidden' });
        else setState({ kind: 'failed', message: messageOf(error) });
      },
    );
    return () => {
      stale = true;
    };
  }, []);

  async function check() {
    setState({ kind: 'checking' });
    try {
      const report = await ok(client.GET('/email/deliverability', { params: { query: { domain } } }));
      setState({ kind: 'done', report });
    } catch (error) {
      setState(
        error instanceof ApiError && error.status === 403
          ? { kind: 'forbidden' }
          : { kind: 'failed', message: messageOf(error) },
      );
    }
  }

  const report = state.kind === 'done' ? state.report : null;
  const server = report?.sendingServer;

  return (
    <section aria-labelledby="settings-deliverability" className="space-y-3">
      <h2 id="settings-deliverability" className="text-xl font-semibold">
        {t('deliverability.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('deliverability.intro')}</p>
      {state.kind === 'forbidden' ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('deliverability.forbidden')}
        </p>
      ) : (
        <form
          aria-label={t('deliverability.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <div className="min-w-64 flex-1">
            <label htmlFor={ids.domain} className="text-sm font-medium">
              {t('deliverability.domain')}
            </label>
            <input
              id={ids.domain}
              value={domain}
              list={ids.list}
              required
              onChange={(e) => setDomain(e.target.value)}
              aria-describedby={ids.hint}
              placeholder="example.com"
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            />
            <datalist id={ids.list}>
              {domains.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
            <p id={ids.hint} className="mt-1 text-xs text-slate-600">
              {t('deliverability.domainHint')}
            </p>
          </div>
          <button
            type="submit"
            disabled={state.kind === 'checking' || domain.trim() === ''}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
          >
            {state.kind === 'checking' ? t('deliverability.checking') : t('deliverability.check')}
          </button>
        </form>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('deliverability.loadFailed', { message: state.message })}
        </p>
      )}
      {report && (
        <div className="space-y-3" data-testid="deliverability-report">
          <p role="status" className="font-medium">
            {t('deliverability.summary', {
              domain: report.domain,
              ok: report.checks.filter((c) => c.status === 'ok').length,
              total: report.checks.length,
            })}
          </p>
          <p className="text-sm text-slate-600">
            {server
              ? t(`deliverability.server.${server.source}`, { host: server.host })
              : t('deliverability.server.none')}{' '}
            {t('deliverability.checkedAt', {
              time: new Date(report.checkedAt).toLocaleTimeString(locale),
            })}
          </p>
          {report.checks.map((c) => (
            <DeliverabilityCheckCard key={c.kind} check={c} />
          ))}
          <p className="text-xs text-slate-600">{t('deliverability.propagation')}</p>
        </div>
      )}
    </section>
  );
}
