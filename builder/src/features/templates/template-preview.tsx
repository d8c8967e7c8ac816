import { useId, useState } from 'react';
import { inputClass } from '../inspector/field-styles.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ContactPicker } from './contact-picker.tsx';
import { EmailFrames } from './email-frames.tsx';
import { SmsCounter } from './sms-counter.tsx';
import type { TemplateDraft, TemplateLanguage } from './template-draft.ts';
import { parseVars, useTemplatePreview } from './use-template-preview.ts';

/** The draft as its reader gets it, for the sample contact or a chosen one. */
export function TemplatePreviewPanel({
  draft,
  language,
}: {
  draft: TemplateDraft;
  language: TemplateLanguage;
}) {
  const t = useT();
  const id = useId();
  const [contactId, setContactId] = useState<string | undefined>(undefined);
  const [varsJson, setVarsJson] = useState('');
  const varsInvalid = varsJson.trim() !== '' && parseVars(varsJson) === undefined;
  const { preview, error } = useTemplatePreview({
    kind: draft.kind,
    language,
    variant: draft.variants[language],
    name: draft.name.trim() || undefined,
    contactId,
    varsJson,
  });
  return (
    <section aria-labelledby="template-preview-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h3 id="template-preview-title" className="text-sm font-semibold text-slate-800">
          {t('templates.preview')}
        </h3>
        <ContactPicker value={contactId} onChange={setContactId} />
      </div>
      <div>
        <label htmlFor={`${id}-vars`} className="block text-xs text-slate-600">
          {t('templates.sampleVars')}
        </label>
        <input
          id={`${id}-vars`}
          value={varsJson}
          placeholder='{"link": "https://example.com/pedido/17"}'
          onChange={(event) => setVarsJson(event.target.value)}
          aria-invalid={varsInvalid || undefined}
          aria-describedby={varsInvalid ? `${id}-vars-error` : undefined}
          className={`${inputClass} font-mono`}
        />
        {varsInvalid && (
          <p id={`${id}-vars-error`} className="mt-1 text-xs text-red-700">
            {t('templates.sampleVarsInvalid')}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {preview?.renderError && (
        <p className="text-sm text-amber-700">
          {t('templates.renderFailed', { message: preview.renderError.message })}
        </p>
      )}
      {preview && draft.kind === 'email' && preview.html !== undefined && (
        <>
          <p className="text-sm text-slate-800" data-testid="email-preview-subject">
            {t('templates.subjectLine', { subject: preview.subject ?? '' })}
          </p>
          <div className="overflow-x-auto">
            <EmailFrames html={preview.html} />
          </div>
          <details>
            <summary className="cursor-pointer text-sm text-slate-700">{t('templates.textPart')}</summary>
            <pre
              className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs text-slate-800"
              data-testid="email-preview-text"
            >
              {preview.text}
            </pre>
          </details>
        </>
      )}
      {preview && draft.kind === 'text' && (
        <div className="max-w-sm space-y-1">
          <p
            className="whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-sm text-slate-900"
            data-testid="text-preview"
          >
            {preview.text}
          </p>
          <SmsCounter sms={preview.sms} />
        </div>
      )}
    </section>
  );
}
