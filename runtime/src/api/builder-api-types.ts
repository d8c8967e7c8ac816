import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { apiDocument } from './api-document.ts';

/** Where the builder keeps the API's types; committed, so the builder builds without a server. */
export const builderApiTypesFile = fileURLToPath(
  new URL('../../../builder/src/api/api-schema.ts', import.meta.url),
);

const header = `// Generated from the API's OpenAPI document (GET /api/v1/openapi.json) by \`npm run api-types\`.
// Do not edit: change the route's zod schema in runtime/src/api/ and regenerate (CONTRIBUTING.md).
`;

/**
 * The builder's API types: every path, its parameters, body and answers, written by
 * openapi-typescript from the document the server serves, formatted as the repository formats.
 */
export async function builderApiTypes(): Promise<string> {
  const source = header + '\n' + astToString(await openapiTS(await apiDocument()));
  const options = await resolveConfig(builderApiTypesFile);
  return format(source, { ...options, filepath: builderApiTypesFile });
}
