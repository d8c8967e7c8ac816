import { uuidv7 } from 'uuidv7';

/** Time-ordered ids (DESIGN.md §8) so cursor pages can walk the primary key. */
export function newId(): string {
  return uuidv7();
}
