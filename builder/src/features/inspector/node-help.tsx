import { useId } from 'react';
import type { CatalogEntry } from '../../api/types.ts';
import { useLocale, useLocalized, useT } from '../../i18n/use-i18n.ts';
import { usePortName } from '../canvas/use-port-name.ts';

/** Where the user documentation of a node type lives (served by the app, es and en). */
export function nodeDocsHref(locale: 'es' | 'en', type: string): string {
  return `/docs/${locale}/nodes/${encodeURIComponent(type)}`;
}

/**
 * Help on the selected node, under its form: what each of its ways out means, and a link to its
 * documentation page (what it does is the description in the inspector's header, right above).
 * Everything comes from the catalog, so a custom node's help is its own.
 */
export function NodeHelp({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  const localized = useLocalized();
  const locale = useLocale((s) => s.locale);
  const portName = usePortName();
  const headingId = useId();
  const title = localized(entry.title);
  const described = new Map(entry.portDescriptions.map((d) => [d.port, d.text]));
  const hasPorts = entry.ports.length > 0 || entry.portRows !== undefined;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 border-t border-slate-200 pt-4 text-sm"
      data-testid="node-help"
    >
      <h3 id={headingId} className="font-medium text-slate-800">
        {t('nodeHelp.title')}
      </h3>
      {hasPorts ? (
        <>
          <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {t('nodeHelp.ports')}
          </h4>
          <dl className="space-y-1">
            {entry.portRows !== undefined && (
              <div>
                <dt className="inline font-medium text-slate-800">{t('nodeHelp.rowPort')}: </dt>
                <dd className="inline text-slate-600">{localized(entry.rowPortDescription)}</dd>
              </div>
            )}
            {entry.ports.map((port) => (
              <div key={port} data-port-help={port}>
                <dt className="inline font-medium text-slate-800">{portName(port)}: </dt>
                <dd className="inline text-slate-600">{localized(described.get(port))}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="text-slate-600">{t('nodeHelp.noPorts')}</p>
      )}
      <a
        href={nodeDocsHref(locale, entry.type)}
        target="_blank"
        rel="noopener"
        aria-label={t('nodeHelp.docsLabel', { title })}
        className="inline-block text-indigo-700 underline hover:text-indigo-900"
      >
        {t('nodeHelp.docs')}
      </a>
    </section>
  );
}
