import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { galleryPreviews } from './gallery-previews.ts';

// The committed SVGs are what the gallery shows; a test checks they match this output.
for (const [id, svg] of galleryPreviews()) {
  const target = fileURLToPath(new URL(`../../../examples/gallery/${id}.svg`, import.meta.url));
  writeFileSync(target, svg);
  console.log(`Wrote ${target}`);
}
