import { z } from '@hono/zod-openapi';

/** PostgreSQL's `integer`: a larger number fails the query itself, so it is refused first. */
export const PG_INTEGER_MAX = 2_147_483_647;

/**
 * The dates a filter may name. Run ids are uuid v7 (48 bits of milliseconds since 1970), so a
 * date range becomes an id range and an earlier date has no id; PostgreSQL's timestamps and
 * JavaScript's ISO strings both end at year 9999.
 */
export const EARLIEST_DATE = Date.UTC(1970, 0, 1);
export const LATEST_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO-8601 date-time with offset, between 1970 and 9999. */
export const boundedDateTime = (name: string, hint = '') =>
  z.iso.datetime({ offset: true, message: `${name} must be an ISO date-time${hint}` }).refine(
    (value) => {
      const at = Date.parse(value);
      return at >= EARLIEST_DATE && at <= LATEST_DATE;
    },
    { message: `${name} must be between 1970-01-01 and 9999-12-31` },
  );

/** A whole number from `min` up to what an `integer` column holds, from a JSON body. */
export const boundedInt = (name: string, min = 1) =>
  z
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(PG_INTEGER_MAX, `${name} must be at most ${PG_INTEGER_MAX}`);

/** The same from a query string or a path, where every value is text. */
export const boundedQueryInt = (name: string, min = 1) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(PG_INTEGER_MAX, `${name} must be at most ${PG_INTEGER_MAX}`);
