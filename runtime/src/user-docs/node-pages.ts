import { builtinNodes } from '@omniflow/nodes';
import { buildCatalog } from '@omniflow/nodes/sdk';
import { nodeExamples } from './node-examples.ts';
import { nodeIndexPage, nodePage, type DocLanguage } from './node-page.ts';

export const docLanguages: readonly DocLanguage[] = ['es', 'en'];

/** Every generated page of docs/user: `<lang>/nodes.md` and `<lang>/nodes/<type>.md`, with their text. */
export function nodePages(): [path: string, markdown: string][] {
  const catalog = buildCatalog(builtinNodes);
  return docLanguages.flatMap((lang) => [
    [`${lang}/nodes.md`, nodeIndexPage(catalog, lang)] as [string, string],
    ...catalog.map((entry): [string, string] => {
      const example = nodeExamples[entry.type];
      if (!example) throw new Error(`Write an example for ${entry.type} in user-docs/node-examples.ts`);
      return [`${lang}/nodes/${entry.type}.md`, nodePage(entry, lang, example)];
    }),
  ]);
}
