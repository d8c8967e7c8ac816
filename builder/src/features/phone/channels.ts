import type { MessagingChannel } from '../../api/types.ts';

/** The chat channels a person can write on, in the order pickers list them. */
export const channels: readonly MessagingChannel[] = ['whatsapp', 'sms', 'webchat'];
