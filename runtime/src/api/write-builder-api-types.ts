import { writeFileSync } from 'node:fs';
import { builderApiTypes, builderApiTypesFile } from './builder-api-types.ts';

// A test checks the committed file matches the server (builder-api-types.test.ts).
writeFileSync(builderApiTypesFile, await builderApiTypes());
console.log(`Wrote the API's types to ${builderApiTypesFile}`);
