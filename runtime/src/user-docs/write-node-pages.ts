import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docLanguages, nodePages } from './node-pages.ts';
import { searchIndex, searchIndexFile, searchIndexJson } from './search-index.ts';
import { loadUserDocs } from './user-doc-pages.ts';

// The committed pages are what /docs serves; a test checks they match this output.
const root = new URL('../../../docs/user/', import.meta.url);
const generated = nodePages();
for (const [path, markdown] of generated) {
  const target = fileURLToPath(new URL(path, root));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, markdown);
}
console.log(`Wrote ${generated.length} node pages under ${fileURLToPath(root)}`);
// After the node pages, so the index has their new text along with the hand-written pages'.
const pages = loadUserDocs();
for (const lang of docLanguages)
  writeFileSync(new URL(`${lang}/${searchIndexFile}`, root), searchIndexJson(searchIndex(pages[lang])));
console.log(`Wrote the search index of ${docLanguages.join(' and ')}`);
