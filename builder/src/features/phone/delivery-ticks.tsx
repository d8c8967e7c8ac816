import { useT } from '../../i18n/use-i18n.ts';
import type { DeliveryTick } from './delivery-tick.ts';

const look = {
  pending: { mark: '🕓', className: 'text-slate-400' },
  sent: { mark: '✓', className: 'text-slate-500' },
  delivered: { mark: '✓✓', className: 'text-slate-500' },
  read: { mark: '✓✓', className: 'text-sky-500' },
} as const;

/** The ticks under an outbound bubble; a failure is red and names the provider's error code. */
export function DeliveryTicks({ tick }: { tick: DeliveryTick }) {
  const t = useT();
  if (tick.kind === 'failed') {
    return (
      <span
        role="img"
        data-tick="failed"
        aria-label={
          tick.errorCode ? t('phone.tick.failedCode', { code: tick.errorCode }) : t('phone.tick.failed')
        }
        className="font-medium text-red-600"
      >
        ⚠ {tick.errorCode ?? t('phone.tick.failed')}
      </span>
    );
  }
  const { mark, className } = look[tick.kind];
  return (
    <span role="img" data-tick={tick.kind} aria-label={t(`phone.tick.${tick.kind}`)} className={className}>
      {mark}
    </span>
  );
}
