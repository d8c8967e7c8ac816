import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { FlowTemplate } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

interface Props {
  /** A new flow was made from a template: open it. */
  onCreated(flowId: string): void;
  /** The person wants an empty canvas. */
  onBlank(): void | Promise<void>;
}

/** The templates gallery: a picture and one line per template, each making a new draft of its own. */
export function TemplatesGallery({ onCreated, onBlank }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [templates, setTemplates] = useState<FlowTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One creation at a time: a double click must not make two flows.
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    ok(client.GET('/flow-templates', { params: { query: { language: locale } } })).then(
      ({ items }) => current && setTemplates(items),
      (e: Error) => current && setError(t('gallery.loadFailed', { message: e.message })),
    );
    return () => {
      current = false;
    };
  }, [locale, t]);

  async function use(template: FlowTemplate) {
    if (busy) return;
    setBusy(template.id);
    setError(null);
    try {
      const flow = await ok(
        client.POST('/flow-templates/{id}/flows', {
          params: { path: { id: template.id } },
          body: { language: locale },
        }),
      );
      onCreated(flow.id);
    } catch (e) {
      setError(t('gallery.createFailed', { message: (e as Error).message }));
      setBusy(null);
    }
  }

  async function blank() {
    if (busy) return;
    setBusy('blank');
    try {
      await onBlank();
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="gallery-title" data-testid="templates-gallery">
      <h2 id="gallery-title" className="text-xl font-semibold">
        {t('gallery.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t('gallery.intro')}</p>
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {templates === null && !error && <p>{t('common.loading')}</p>}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {templates?.map((template) => (
          <li
            key={template.id}
            className="flex flex-col rounded-lg border border-slate-200 bg-white shadow-sm"
          >
            {template.preview && (
              <img
                src={template.preview}
                alt={t('gallery.picture', { title: template.title })}
                className="h-32 w-full rounded-t-lg border-b border-slate-100 bg-white object-contain p-2"
              />
            )}
            <div className="flex flex-1 flex-col gap-1 p-3">
              <h3 className="font-medium">{template.title}</h3>
              <p className="flex-1 text-sm text-slate-600">{template.summary}</p>
              <p className="text-xs text-slate-500">
                {t(`gallery.channel.${template.channel}`)} ·{' '}
                {t('gallery.steps', { count: template.nodeCount })}
              </p>
              <button
                onClick={() => void use(template)}
                disabled={busy !== null}
                aria-label={t('gallery.useNamed', { title: template.title })}
                className="mt-2 rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
              >
                {busy === template.id ? t('gallery.creating') : t('gallery.use')}
              </button>
            </div>
          </li>
        ))}
        <li className="flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 p-6">
          <button
            onClick={() => void blank()}
            disabled={busy !== null}
            className="rounded border border-slate-300 bg-white px-3 py-1 font-medium disabled:opacity-50"
          >
            {t('gallery.blank')}
          </button>
          <span className="text-sm text-slate-500">{t('gallery.blankHint')}</span>
        </li>
      </ul>
    </section>
  );
}
