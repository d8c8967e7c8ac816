import type { components } from '../../api/api-schema.ts';

type Schemas = components['schemas'];
export type Contact = Schemas['Contact'];
export type ContactAddress = Schemas['ContactAddress'];
export type ContactField = Schemas['ContactField'];
export type TimelineItem = Schemas['TimelineItem'];

export const contactChannels = ['sms', 'whatsapp', 'email', 'webchat'] as const;

/** What a person is called on screen: the display name, else first and last, else nothing. */
export const contactName = (c: Pick<Contact, 'displayName' | 'firstName' | 'lastName'>) =>
  c.displayName || [c.firstName, c.lastName].filter(Boolean).join(' ');
