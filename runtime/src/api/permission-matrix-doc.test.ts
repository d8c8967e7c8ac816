import { describe, expect, it } from 'vitest';
import { currentReadme, permissionMatrixMarkdown, withPermissionMatrix } from './permission-matrix-doc.ts';

describe('the README permission matrix', () => {
  it('is the one in the code (run `npm run permission-matrix` after changing roles or routes)', async () => {
    const readme = currentReadme();
    expect(readme).toBe(withPermissionMatrix(readme, await permissionMatrixMarkdown()));
  });

  it('refuses a README without the markers rather than writing the table nowhere', () => {
    expect(() => withPermissionMatrix('# no markers', 'table')).toThrow(/lacks the markers/);
  });
});
