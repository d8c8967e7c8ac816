import { useT } from '../../i18n/use-i18n.ts';
import type { TemplatePreview } from './use-template-preview.ts';

/** How many SMS the text takes and in which encoding (a single emoji halves what fits). */
export function SmsCounter({ sms }: { sms: TemplatePreview['sms'] }) {
  const t = useT();
  return (
    <p data-testid="sms-counter" className="text-xs text-slate-600">
      {t('templates.segments', {
        count: sms.segments,
        encoding: t(sms.encoding === 'gsm7' ? 'templates.segments.gsm7' : 'templates.segments.ucs2'),
        units: sms.units,
      })}
    </p>
  );
}
