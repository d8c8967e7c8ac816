import { Fragment, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useCursorList } from '../../api/use-cursor-list.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { AuditDiff } from './audit-diff.tsx';
import { auditExportHref, auditQuery, emptyAuditFilter, type AuditFilterState } from './audit-filter.ts';
import { AuditFilterBar } from './audit-filter-bar.tsx';
import { AuditRetentionField } from './audit-retention-field.tsx';
import { actionWords, resourceWords } from './audit-words.ts';

type AuditEvent = components['schemas']['AuditEvent'];

/** The audit log for admins: search, read each change's before and after, download. */
export function AuditPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [filter, setFilter] = useState<AuditFilterState>(emptyAuditFilter);
  const [open, setOpen] = useState<string | null>(null);
  const query = auditQuery(filter);
  const list = useCursorList<AuditEvent>(JSON.stringify(query), (page) =>
    ok(client.GET('/audit', { params: { query: { ...query, ...page } } })),
  );
  const who = (e: AuditEvent) => e.actor.name || e.actor.email || t(`audit.actor.${e.actor.kind}`);

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('audit.title')}</h1>
        <div className="flex gap-2">
          <a
            href={auditExportHref(filter, 'csv')}
            download
            className="rounded border border-slate-300 px-3 py-1 text-sm"
          >
            {t('audit.exportCsv')}
          </a>
          <a
            href={auditExportHref(filter, 'xlsx')}
            download
            className="rounded border border-slate-300 px-3 py-1 text-sm"
          >
            {t('audit.exportXlsx')}
          </a>
        </div>
      </div>
      <p className="text-slate-700">{t('audit.intro')}</p>
      <AuditFilterBar filter={filter} onSearch={setFilter} />
      {list.error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="py-1">{t('audit.col.when')}</th>
            <th>{t('audit.col.who')}</th>
            <th>{t('audit.col.what')}</th>
            <th>{t('audit.col.resource')}</th>
            <th>{t('audit.col.from')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.items.map((event) => (
            <Fragment key={event.id}>
              <tr className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap py-1">
                  {new Date(event.occurredAt).toLocaleString(locale)}
                </td>
                <td>
                  {/* A person's name is theirs, not the UI's: shown as written, in any language. */}
                  <span
                    className="block"
                    data-user-text={event.actor.name || event.actor.email ? '' : undefined}
                  >
                    {who(event)}
                  </span>
                  <span className="block text-xs text-slate-500">{t(`audit.actor.${event.actor.kind}`)}</span>
                </td>
                <td>{actionWords(t, event.action)}</td>
                <td>
                  <span className="block" data-user-text="">
                    {event.resource.label}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {resourceWords(t, event.resource.type)}
                  </span>
                </td>
                <td className="font-mono text-xs">{event.ip ?? t('audit.unknownIp')}</td>
                <td className="text-right">
                  <button
                    type="button"
                    aria-expanded={open === event.id}
                    onClick={() => setOpen(open === event.id ? null : event.id)}
                    className="text-indigo-700 underline"
                  >
                    {open === event.id ? t('audit.hideChanges') : t('audit.showChanges')}
                  </button>
                </td>
              </tr>
              {open === event.id && (
                <tr>
                  <td colSpan={6} className="space-y-2 bg-slate-50 p-3">
                    <AuditDiff before={event.before} after={event.after} />
                    {event.method && (
                      <p className="text-xs text-slate-600">
                        {t('audit.request', {
                          method: event.method,
                          path: event.path ?? '',
                          status: event.status ?? '',
                        })}
                      </p>
                    )}
                    {event.userAgent && (
                      <p className="text-xs text-slate-600">
                        {t('audit.userAgent', { userAgent: event.userAgent })}
                      </p>
                    )}
                    {event.requestId && (
                      <p className="text-xs text-slate-600">
                        {t('audit.requestId', { requestId: event.requestId })}
                      </p>
                    )}
                    {event.details !== null && event.details !== undefined && (
                      <details className="text-xs">
                        <summary>{t('audit.details')}</summary>
                        <pre className="whitespace-pre-wrap font-mono">
                          {JSON.stringify(event.details, null, 2)}
                        </pre>
                      </details>
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && !list.error && (
        <p className="text-slate-600">{t('audit.empty')}</p>
      )}
      {list.loading && <p>{t('common.loading')}</p>}
      {list.nextCursor && !list.loading && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          className="text-sm text-indigo-700 underline"
        >
          {t('audit.more')}
        </button>
      )}
      <AuditRetentionField />
    </main>
  );
}
