import { useT } from '../../i18n/use-i18n.ts';

/**
 * A mail's HTML at a phone's and a desktop's width. Each frame is sandboxed with no permissions
 * (no scripts, a unique origin), so a template cannot reach the builder or its session.
 */
export function EmailFrames({ html, compact = false }: { html: string; compact?: boolean }) {
  const t = useT();
  const frameClass = 'rounded border border-slate-300 bg-white';
  if (compact) {
    return (
      <iframe
        title={t('templates.phonePreview')}
        sandbox=""
        srcDoc={html}
        className={`${frameClass} h-72 w-full`}
        data-testid="email-preview-phone"
      />
    );
  }
  return (
    <div className="flex flex-wrap items-start gap-4">
      <figure>
        <figcaption className="mb-1 text-xs text-slate-600">{t('templates.phone')}</figcaption>
        <iframe
          title={t('templates.phonePreview')}
          sandbox=""
          srcDoc={html}
          style={{ width: 375 }}
          className={`${frameClass} h-[560px]`}
          data-testid="email-preview-phone"
        />
      </figure>
      <figure>
        <figcaption className="mb-1 text-xs text-slate-600">{t('templates.desktop')}</figcaption>
        <iframe
          title={t('templates.desktopPreview')}
          sandbox=""
          srcDoc={html}
          style={{ width: 700 }}
          className={`${frameClass} h-[560px]`}
          data-testid="email-preview-desktop"
        />
      </figure>
    </div>
  );
}
