import { z } from 'zod';
import type { ActivityDeps, ReceivedMail, TemplateScope } from '../sdk/types.ts';

/** What a run started by a mail has as its input's `email` (route-inbound's messageEventData). */
const mailInput = z.object({
  channel: z.literal('email'),
  from: z.string(),
  to: z.string(),
  email: z.object({
    subject: z.string().default(''),
    messageId: z.string(),
    inReplyTo: z.string().optional(),
    references: z.array(z.string()).default([]),
  }),
});

/** The mail that started the run, when a mail did. */
export function mailOfInput(input: unknown): ReceivedMail | undefined {
  const parsed = mailInput.safeParse(input);
  if (!parsed.success) return undefined;
  const { from, to, email } = parsed.data;
  return { from, to, subject: email.subject, messageId: email.messageId, references: threadIds(email) };
}

/** True when a mail started this run: what it sends by itself is an automatic answer to that mail. */
export const startedByMail = (scope: TemplateScope) => mailOfInput(scope.input) !== undefined;

/**
 * The ids before a mail in its thread. RFC 5322 §3.6.4: a reply without References but with a
 * single In-Reply-To id has that id as its thread.
 */
export function threadIds(mail: { references: readonly string[]; inReplyTo?: string | undefined }) {
  if (mail.references.length > 0) return [...mail.references];
  return mail.inReplyTo ? [mail.inReplyTo] : [];
}

/**
 * The mail an answer in the thread replies to: the newest the run received (a reply to a question
 * it asked by mail), else the one that started it.
 */
export async function mailToAnswer(scope: TemplateScope, deps: ActivityDeps) {
  return (await deps.messaging?.lastMail?.()) ?? mailOfInput(scope.input);
}

// Long threads would grow References without end; mail clients keep the first id (the thread's
// root) and the newest ones, which is what threading needs (RFC 5322 §3.6.4 allows trimming).
const maxReferences = 20;

export interface ThreadHeaders {
  subject: string;
  inReplyTo: string;
  references: string[];
}

/**
 * The headers that put an answer in the thread of `parent` (RFC 5322 §3.6.4 and §3.6.5):
 * In-Reply-To its Message-ID, References its thread plus its Message-ID, "Re: " once before its
 * subject.
 */
export function threadHeaders(parent: ReceivedMail): ThreadHeaders {
  const ids = [...parent.references.filter((id) => id !== parent.messageId), parent.messageId];
  const references =
    ids.length > maxReferences ? [ids[0]!, ...ids.slice(ids.length - maxReferences + 1)] : ids;
  return { subject: replySubject(parent.subject), inReplyTo: parent.messageId, references };
}

/** "Re: " before a subject, unless it is already an answer's. */
export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  if (/^re\s*:/i.test(trimmed)) return trimmed;
  return trimmed ? `Re: ${trimmed}` : 'Re:';
}
