import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { messages, type Db } from '@omniflow/db';
import { threadIds } from '@omniflow/nodes';
import type { ReceivedMail } from '@omniflow/nodes/sdk';

/** The part of an inbound mail's `messages.body` that threading reads (recordInbound writes it). */
const recordedMail = z.object({
  email: z.object({
    subject: z.string().default(''),
    messageId: z.string(),
    inReplyTo: z.string().optional(),
    references: z.array(z.string()).default([]),
  }),
});

/** The newest mail a run received: what an answer in its thread replies to. */
export async function lastMailOfRun(db: Db, runId: string): Promise<ReceivedMail | undefined> {
  const [row] = await db
    .select({ from: messages.contactAddress, to: messages.ourAddress, body: messages.body })
    .from(messages)
    .where(and(eq(messages.runId, runId), eq(messages.channel, 'email'), eq(messages.direction, 'inbound')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  const parsed = recordedMail.safeParse(row?.body);
  if (!row || !parsed.success) return undefined;
  const { email } = parsed.data;
  return {
    from: row.from,
    to: row.to,
    subject: email.subject,
    messageId: email.messageId,
    references: threadIds(email),
  };
}
