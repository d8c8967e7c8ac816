import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useCursorList, type PageRequest } from '../../api/use-cursor-list.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ChannelIcon } from './channel-icon.tsx';
import { relativeTime } from './relative-time.ts';
import type { TimelineItem } from './contact-types.ts';

const statusKey = (status: string) => `contacts.status.${status}` as MessageKey;

function messageText(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as { text?: unknown; email?: { subject?: unknown } };
  if (typeof b.email?.subject === 'string') return b.email.subject;
  return typeof b.text === 'string' ? b.text : null;
}

/** One line of the timeline: what happened, on which channel, its status and how long ago. */
function Entry({ item, now }: { item: TimelineItem; now: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const d = item.detail as Record<string, unknown>;
  const channel =
    item.kind === 'run' ? 'run' : item.kind === 'campaign' ? 'campaign' : (item.channel ?? 'run');
  const channelLabel =
    item.kind === 'run'
      ? t('contacts.timeline.run', { name: String(d.flowName ?? '') })
      : item.kind === 'campaign'
        ? t('contacts.timeline.campaign', { name: String(d.name ?? '') })
        : t(`contacts.channel.${item.channel ?? 'sms'}` as MessageKey);
  let title: string;
  let body: string | null = null;
  if (item.kind === 'message') {
    title = t(item.direction === 'inbound' ? 'contacts.timeline.inbound' : 'contacts.timeline.outbound');
    body = messageText(d.body) ?? t('contacts.timeline.erased');
  } else if (item.kind === 'email_event') {
    title = t(`contacts.timeline.email.${item.status}` as MessageKey);
    body = typeof d.subject === 'string' ? d.subject : null;
  } else if (item.kind === 'call') {
    title = t(
      item.direction === 'inbound' ? 'contacts.timeline.call.inbound' : 'contacts.timeline.call.outbound',
    );
  } else {
    title = channelLabel;
  }
  const at = new Date(item.at);
  return (
    <li className="flex gap-3 border-b border-slate-100 py-2" data-kind={item.kind}>
      <ChannelIcon channel={channel} label={channelLabel} />
      <div className="min-w-0 flex-1 text-sm">
        <div className="flex flex-wrap items-baseline gap-2">
          <span className="font-medium">{title}</span>
          {/* An email event's type is its title; a received message needs no second word for it. */}
          {item.kind !== 'email_event' && item.status !== 'received' && (
            <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">
              {t(statusKey(item.status))}
            </span>
          )}
          <time
            dateTime={item.at}
            title={at.toLocaleString(locale)}
            className="ml-auto text-xs text-slate-500"
          >
            {relativeTime(item.at, now, locale, t('contacts.time.justNow'))}
          </time>
        </div>
        {body && <p className="truncate text-slate-700">{body}</p>}
        {item.kind === 'call' && typeof d.recordingId === 'string' && (
          <audio
            controls
            preload="none"
            aria-label={t('contacts.timeline.call.recording')}
            src={`/api/v1/recordings/${d.recordingId}/audio`}
            className="mt-1 h-8"
          />
        )}
        {item.kind === 'run' && typeof d.flowId === 'string' && (
          <a href={`#/runs/${item.id}`} className="text-xs text-indigo-700 hover:underline">
            {t('app.runs')}
          </a>
        )}
      </div>
    </li>
  );
}

/** The person's history across channels, newest first, a page at a time. */
export function ContactTimeline({ contactId, version }: { contactId: string; version: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => setNow(Date.now()), [version]);
  const loadPage = useCallback(
    (page: PageRequest) =>
      ok(client.GET('/contacts/{id}/timeline', { params: { path: { id: contactId }, query: page } })),
    [contactId],
  );
  const list = useCursorList<TimelineItem>(`${contactId}:${version}`, loadPage);
  return (
    <section aria-label={t('contacts.detail.timeline')} className="space-y-2">
      <h2 className="font-semibold">{t('contacts.detail.timeline')}</h2>
      {list.error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      <ol>
        {list.items.map((item) => (
          <Entry key={`${item.kind}:${item.id}`} item={item} now={now} />
        ))}
      </ol>
      {list.loading && <p>{t('common.loading')}</p>}
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="text-slate-600">{t('contacts.timeline.empty')}</p>
      )}
      {list.nextCursor && !list.loading && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          className="text-sm text-indigo-700 hover:underline"
        >
          {t('contacts.timeline.more')}
        </button>
      )}
    </section>
  );
}
