import type { Role } from '@omniflow/db';

export type { Role };

// Least to most: an admin can do all a designer can, a designer all an operator can.
const rank: Record<Role, number> = { operator: 0, designer: 1, admin: 2 };

/** Whether `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/** The lesser of two roles: what a key may do when its maker may now do less than the key says. */
export function lesserRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}
