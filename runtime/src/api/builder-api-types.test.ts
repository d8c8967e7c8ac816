import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builderApiTypes, builderApiTypesFile } from './builder-api-types.ts';

describe('builder/src/api/api-schema.ts', () => {
  it("matches the server's OpenAPI document (run `npm run api-types` after changing a route)", async () => {
    const committed = readFileSync(builderApiTypesFile, 'utf8');
    expect(committed, 'builder/src/api/api-schema.ts is stale: run `npm run api-types` and commit it').toBe(
      await builderApiTypes(),
    );
  });
});
