import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinNodes } from './index.ts';
import { buildCatalog } from './sdk/catalog.ts';

// The committed catalog.json is what the builder bundles; a test checks it matches this output.
const target = fileURLToPath(new URL('../catalog.json', import.meta.url));
writeFileSync(target, JSON.stringify(buildCatalog(builtinNodes), null, 2) + '\n');
console.log(`Wrote ${builtinNodes.length} node types to ${target}`);
