import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sdkReference } from './sdk-reference.ts';

// The committed page is what developers read; a test checks it matches this output.
const target = fileURLToPath(new URL('../../../docs/sdk/README.md', import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, sdkReference());
console.log(`Wrote the SDK reference to ${target}`);
