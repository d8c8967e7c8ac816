import { writeFileSync } from 'node:fs';
import {
  currentReadme,
  permissionMatrixMarkdown,
  readmeFile,
  withPermissionMatrix,
} from './permission-matrix-doc.ts';

// A test checks the README's table matches the code (permission-matrix-doc.test.ts).
writeFileSync(readmeFile, withPermissionMatrix(currentReadme(), await permissionMatrixMarkdown()));
console.log(`Wrote the permission matrix to ${readmeFile}`);
