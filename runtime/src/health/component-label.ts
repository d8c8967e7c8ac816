import type { ReportLanguage } from '../reports/report-document.ts';

const labels: Record<string, { en: string; es: string }> = {
  api: { en: 'API', es: 'API' },
  worker: { en: 'Worker', es: 'Worker (procesos de flujos)' },
  sip: { en: 'SIP endpoint', es: 'Extremo SIP' },
  'sip-trunk': { en: 'SIP trunk', es: 'Troncal SIP' },
  sms: { en: 'SMS (SMPP bind)', es: 'SMS (enlace SMPP)' },
  email: { en: 'Email (SMTP server)', es: 'Correo (servidor SMTP)' },
  whatsapp: { en: 'WhatsApp (webhook)', es: 'WhatsApp (webhook)' },
};

/** A component as the person reading a report or the dashboard names it. */
export function componentLabel(component: string, language: ReportLanguage): string {
  if (component.startsWith('imap:')) return `IMAP ${component.slice(5)}`;
  return labels[component]?.[language] ?? component;
}
