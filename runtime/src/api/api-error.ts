import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the API answers with `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, 'NOT_FOUND', `${what} ${id} does not exist`);

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
