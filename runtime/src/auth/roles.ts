import type { Role } from '@omniflow/db';

export type { Role };
