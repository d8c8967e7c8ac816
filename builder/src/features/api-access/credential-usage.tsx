import { useLocale, useT } from '../../i18n/use-i18n.ts';

/** When and from where a key or client was last used, and when it expires (or did). */
export function CredentialUsage({
  lastUsedAt,
  lastUsedIp,
  expiresAt,
  now = new Date(),
}: {
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  expiresAt: string | null;
  now?: Date;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <p className="text-xs text-slate-600">
      {lastUsedAt
        ? t('apiKeys.lastUsed', { when: when(lastUsedAt), address: lastUsedIp ?? '—' })
        : t('apiKeys.neverUsed')}
      {' · '}
      {expiresAt === null ? (
        t('apiKeys.noExpiry')
      ) : new Date(expiresAt) <= now ? (
        <span className="text-red-700">{t('apiKeys.expired', { when: when(expiresAt) })}</span>
      ) : (
        t('apiKeys.expires', { when: when(expiresAt) })
      )}
    </p>
  );
}

/** A date picked in a form (`YYYY-MM-DD`) as the end of that day where the person is. */
export const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();
