import { integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/** The languages a person reads the app and their mails in. */
export const userLanguages = ['es', 'en'] as const;
export type UserLanguage = (typeof userLanguages)[number];

/** A TOTP secret sealed with the install's secret key (runtime/src/credentials/secret-box.ts). */
export type SealedTotpSecret = { sealed: string; keyId: string };

/** What the users table holds about a person beyond sign-in (runtime/src/people). */
export const personColumns = {
  language: text('language', { enum: userLanguages }).notNull().default('en'),
  // Set while an admin has the account switched off: sign-in refused, sessions gone.
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  // The second factor's secret, sealed; set at enrolment, in force once `totpEnabledAt` is set.
  totpSecret: jsonb('totp_secret').$type<SealedTotpSecret>(),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  // RFC 6238 §5.2: the last time step a code was accepted for, so a seen code is not taken twice.
  totpLastStep: integer('totp_last_step'),
};

/** Where and when a session was last used, for the person's list of their sessions. */
export const sessionSeenColumns = {
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  ipAddress: text('ip_address'),
  userAgent: text('user_agent'),
};
