import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { EmailFrames } from '../templates/email-frames.tsx';
import { SmsCounter } from '../templates/sms-counter.tsx';
import type { Template, TemplateKind } from '../templates/template-draft.ts';
import { useTemplatePreview } from '../templates/use-template-preview.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { uiHints } from './json-schema.ts';

/**
 * A template of the library picked by name (`ui.widget: 'library-template'`, `ui.kind` email or
 * text), with its preview for the sample contact in the builder's language.
 */
export function LibraryTemplateField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const kind: TemplateKind = uiHints(node).kind === 'email' ? 'email' : 'text';
  const name = typeof value === 'string' ? value : '';
  const [templates, setTemplates] = useState<Template[] | null>(null);

  useEffect(() => {
    let current = true;
    ok(client.GET('/templates', { params: { query: { kind } } })).then(
      ({ items }) => current && setTemplates(items),
      () => current && setTemplates([]),
    );
    return () => {
      current = false;
    };
  }, [kind]);

  const chosen = templates?.find((item) => item.name === name);
  const language = chosen?.variants[locale] ? locale : locale === 'es' ? 'en' : 'es';
  const missing = templates !== null && name !== '' && !chosen;
  const kindName = t(kind === 'email' ? 'templates.kind.email' : 'templates.kind.text');

  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={name === ''}
      errors={missing ? [t('templates.picker.missing', { name })] : []}
      hint={templates?.length === 0 ? t('templates.picker.none', { kind: kindName }) : undefined}
    >
      {(control) => (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <select
              {...control}
              value={name}
              onChange={(event) => onChange(event.target.value || undefined)}
              className={inputClass}
            >
              <option value="">{t('templates.picker.choose')}</option>
              {(templates ?? []).map((item) => (
                <option key={item.id} value={item.name}>
                  {item.description ? `${item.name} · ${item.description}` : item.name}
                </option>
              ))}
              {missing && <option value={name}>{name}</option>}
            </select>
            <a
              href={name ? `#/templates/${encodeURIComponent(name)}` : '#/templates'}
              className="shrink-0 text-xs text-indigo-700 hover:underline"
            >
              {t('templates.picker.open')}
            </a>
          </div>
          {chosen && <ChosenPreview template={chosen} language={language} />}
        </div>
      )}
    </FieldShell>
  );
}

function ChosenPreview({ template, language }: { template: Template; language: 'es' | 'en' }) {
  const { preview } = useTemplatePreview(
    { kind: template.kind, language, variant: template.variants[language], name: template.name },
    0,
  );
  if (!preview) return null;
  if (template.kind === 'email' && preview.html !== undefined) {
    return (
      <div className="space-y-1" data-testid="library-template-preview">
        <p className="truncate text-xs text-slate-700">{preview.subject}</p>
        <EmailFrames html={preview.html} compact />
      </div>
    );
  }
  return (
    <div className="space-y-1" data-testid="library-template-preview">
      <p className="whitespace-pre-wrap rounded-lg bg-slate-100 px-2 py-1 text-xs text-slate-800">
        {preview.text}
      </p>
      <SmsCounter sms={preview.sms} />
    </div>
  );
}
