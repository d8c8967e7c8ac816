/** PostgreSQL's unique_violation (SQLSTATE 23505), wherever drizzle wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (Reflect.get(e, 'code') === '23505') return true;
  }
  return false;
}
