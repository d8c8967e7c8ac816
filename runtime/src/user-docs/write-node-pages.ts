import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodePages } from './node-pages.ts';

// The committed pages are what /docs serves; a test checks they match this output.
const root = new URL('../../../docs/user/', import.meta.url);
for (const [path, markdown] of nodePages()) {
  const target = fileURLToPath(new URL(path, root));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, markdown);
}
console.log(`Wrote ${nodePages().length} node pages under ${fileURLToPath(root)}`);
