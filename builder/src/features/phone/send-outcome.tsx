import type { MessagingChannel, SandboxInboundResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

/** Where the last message went: a run (with a link to it), nowhere and why, or a STOP/START. */
export function SendOutcome({
  result,
  channel,
}: {
  result: SandboxInboundResult;
  channel: MessagingChannel;
}) {
  const t = useT();
  const channelName = t(`phone.channel.${channel}`);
  const text = {
    started: t('phone.outcome.started'),
    delivered: t('phone.outcome.delivered'),
    unrouted: t('phone.outcome.unrouted'),
    duplicate: t('phone.outcome.duplicate'),
    'opted-out': t('phone.outcome.optedOut', { channel: channelName }),
    'opted-in': t('phone.outcome.optedIn', { channel: channelName }),
  }[result.outcome];
  const warn = result.outcome === 'unrouted' || result.outcome === 'opted-out';
  return (
    <p
      data-outcome={result.outcome}
      className={`rounded border p-2 text-sm ${
        warn
          ? 'border-amber-300 bg-amber-50 text-amber-900'
          : 'border-emerald-300 bg-emerald-50 text-emerald-900'
      }`}
    >
      {text}
      {result.runId && (
        <>
          {' '}
          <a href={`#/runs/${result.runId}`} className="font-medium text-indigo-700 underline">
            {t('phone.outcome.openRun', { id: result.runId })}
          </a>
        </>
      )}
    </p>
  );
}
