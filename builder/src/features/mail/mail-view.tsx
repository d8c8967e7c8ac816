import { useEffect, useMemo, useState } from 'react';
import type { CaughtMail } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { LinkedText } from './linked-text.tsx';
import { MailHtmlFrame } from './mail-html-frame.tsx';

type Part = 'html' | 'text' | 'headers';

/** One caught mail: who, when, the run that sent it, and its HTML, text and headers. */
export function MailView({ mail, onDelete }: { mail: CaughtMail; onDelete: () => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [part, setPart] = useState<Part>(mail.html ? 'html' : 'text');
  useEffect(() => setPart(mail.html ? 'html' : 'text'), [mail.id, mail.html]);
  const date = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(
        new Date(mail.createdAt),
      ),
    [locale, mail.createdAt],
  );
  const subject = mail.subject || t('mail.noSubject');
  const parts: Part[] = ['html', 'text', 'headers'];

  return (
    <article aria-labelledby="mail-subject" className="space-y-3">
      <div className="flex flex-wrap items-start gap-2">
        <h2 id="mail-subject" className="flex-1 text-xl font-semibold break-words">
          {subject}
        </h2>
        <a
          href={`/api/v1/mail-catcher/mails/${mail.id}/raw`}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
        >
          {t('mail.download')}
        </a>
        <button
          type="button"
          onClick={onDelete}
          className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-700"
        >
          {t('mail.delete')}
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('mail.from')}</dt>
        <dd>{mail.from}</dd>
        <dt className="text-slate-500">{t('mail.toLabel')}</dt>
        <dd>{mail.to.join(', ')}</dd>
        {mail.cc.length > 0 && (
          <>
            <dt className="text-slate-500">{t('mail.cc')}</dt>
            <dd>{mail.cc.join(', ')}</dd>
          </>
        )}
        <dt className="text-slate-500">{t('mail.date')}</dt>
        <dd>
          <time dateTime={mail.createdAt}>{date}</time>
          {mail.dkimSigned && (
            <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">
              {t('mail.dkimSigned')}
            </span>
          )}
        </dd>
      </dl>
      <p className="flex flex-wrap gap-4 text-sm">
        {mail.runId && (
          <a href={`#/runs/${mail.runId}`} className="text-indigo-700 underline">
            {t('mail.openRun')}
          </a>
        )}
        {mail.unsubscribe[0] && (
          <a
            href={mail.unsubscribe[0]}
            target="_blank"
            rel="noreferrer noopener"
            className="text-indigo-700 underline"
          >
            {t('mail.unsubscribe')}
          </a>
        )}
      </p>
      <div role="tablist" aria-label={t('mail.parts')} className="flex gap-1 border-b border-slate-200">
        {parts.map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`mail-tab-${p}`}
            aria-selected={part === p}
            aria-controls="mail-part"
            onClick={() => setPart(p)}
            className="-mb-px rounded-t border border-transparent px-3 py-1 text-sm aria-selected:border-slate-200 aria-selected:border-b-white aria-selected:bg-white aria-selected:font-semibold"
          >
            {t(`mail.tab.${p}`)}
          </button>
        ))}
      </div>
      <div id="mail-part" role="tabpanel" aria-labelledby={`mail-tab-${part}`}>
        {part === 'html' &&
          (mail.html ? (
            <MailHtmlFrame html={mail.html} title={t('mail.preview', { subject })} />
          ) : (
            <p className="text-sm text-slate-600">{t('mail.noHtml')}</p>
          ))}
        {part === 'text' &&
          (mail.text ? (
            <LinkedText text={mail.text} />
          ) : (
            <p className="text-sm text-slate-600">{t('mail.noText')}</p>
          ))}
        {part === 'headers' && (
          <table className="w-full table-fixed text-left text-xs">
            <thead>
              <tr className="text-slate-500">
                <th className="w-48 py-1 font-medium">{t('mail.header')}</th>
                <th className="py-1 font-medium">{t('mail.value')}</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {mail.headers.map((h, i) => (
                <tr key={i} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-2 break-words">{h.name}</td>
                  <td className="py-1 break-all">{h.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {mail.attachments.length > 0 && (
        <section aria-label={t('mail.attachments')} className="text-sm">
          <h3 className="font-medium">{t('mail.attachments')}</h3>
          <ul className="list-disc pl-5">
            {mail.attachments.map((a, i) => (
              <li key={i}>
                {a.filename} ({a.contentType})
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
