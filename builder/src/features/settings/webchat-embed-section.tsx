import { useEffect, useId, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { WebChatEmbed } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { readEmbedOptions, withEmbedOptions, type EmbedOptions } from './embed-options.ts';

const inputClass = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1';

/**
 * Settings → Web chat on your site: the server's script tag, customised live as the person picks a
 * colour, title, greeting and language. Nothing is saved: the tag carries it all.
 */
export function WebChatEmbedSection() {
  const t = useT();
  const ids = { color: useId(), title: useId(), greeting: useId(), lang: useId(), code: useId() };
  const [embed, setEmbed] = useState<WebChatEmbed | null>(null);
  const [options, setOptions] = useState<EmbedOptions | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/workspace/webchat-embed')).then(
      (loaded) => {
        if (stale) return;
        setEmbed(loaded);
        setOptions(readEmbedOptions(loaded.embedCode));
      },
      (e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      stale = true;
    };
  }, []);

  const change = (patch: Partial<EmbedOptions>) =>
    setOptions((current) => current && { ...current, ...patch });
  const snippet = embed && options ? withEmbedOptions(embed.embedCode, options) : null;

  return (
    <section aria-labelledby="settings-embed" className="space-y-3">
      <h2 id="settings-embed" className="text-xl font-semibold">
        {t('embed.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('embed.intro')}</p>
      {error && (
        <p role="alert" className="text-red-700">
          {t('embed.loadFailed', { message: error })}
        </p>
      )}
      {!error && (!embed || !options || snippet === null) && <p>{t('common.loading')}</p>}
      {embed && options && snippet !== null && (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <label htmlFor={ids.color} className="font-medium">
                {t('embed.color')}
              </label>
              <input
                id={ids.color}
                type="color"
                value={options.color}
                onChange={(e) => change({ color: e.target.value })}
                className="mt-1 block h-8 w-16 rounded border border-slate-300"
              />
            </div>
            <div>
              <label htmlFor={ids.lang} className="font-medium">
                {t('embed.lang')}
              </label>
              <select
                id={ids.lang}
                value={options.lang}
                onChange={(e) =>
                  change({ lang: e.target.value === 'es' || e.target.value === 'en' ? e.target.value : '' })
                }
                className={`${inputClass} bg-white`}
              >
                <option value="es">{t('embed.lang.es')}</option>
                <option value="en">{t('embed.lang.en')}</option>
                <option value="">{t('embed.lang.browser')}</option>
              </select>
            </div>
            <div>
              <label htmlFor={ids.title} className="font-medium">
                {t('embed.panelTitle')}
              </label>
              <input
                id={ids.title}
                value={options.title}
                onChange={(e) => change({ title: e.target.value })}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor={ids.greeting} className="font-medium">
                {t('embed.greeting')}
              </label>
              <input
                id={ids.greeting}
                value={options.greeting}
                onChange={(e) => change({ greeting: e.target.value })}
                aria-describedby={`${ids.greeting}-hint`}
                className={inputClass}
              />
              <p id={`${ids.greeting}-hint`} className="mt-0.5 text-xs text-slate-600">
                {t('embed.greetingHint')}
              </p>
            </div>
          </div>
          <figure aria-labelledby={ids.code} className="space-y-1">
            <figcaption className="flex items-center justify-between text-sm font-medium">
              <span id={ids.code}>{t('embed.code')}</span>
              <CopyButton text={snippet} what={t('embed.copy')} />
            </figcaption>
            <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs whitespace-pre-wrap break-all text-slate-100">
              <code data-testid="embed-code">{snippet}</code>
            </pre>
          </figure>
          <p className="text-xs text-slate-600">{t('embed.key', { key: embed.key })}</p>
        </div>
      )}
    </section>
  );
}
