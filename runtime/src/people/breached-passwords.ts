import { dictionary } from '@zxcvbn-ts/language-common';

// The common-password list zxcvbn-ts bundles (MIT, ~49,000 passwords most seen in leaked password
// sets, most common first): attackers try these before anything else.
let listed: Set<string> | undefined;
const list = () => (listed ??= new Set(dictionary['passwords-common'] as string[]));

/**
 * Whether `password` is on the list, also when only case, digits or symbols around a listed one
 * tell it apart ("Qwerty123456!", "password2026"), or it is one repeated ("passwordpassword"):
 * those are the first variations a cracker tries.
 */
export function isBreachedPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (list().has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core.length >= 4 && list().has(core)) return true;
  const repeated = /^(.{3,}?)\1+$/.exec(lower);
  return repeated?.[1] !== undefined && list().has(repeated[1]);
}
