import MailComposer from 'nodemailer/lib/mail-composer';
import type { BuiltMail } from './build-mail.ts';
import { dkimSign } from './dkim-sign.ts';
import { mimeBytes } from './mime-bytes.ts';

/**
 * A built mail as the bytes that leave (CRLF line ends, DKIM-signed when it has a key) and its
 * envelope. nodemailer's MailComposer alone: a transport's sendMail builds the same bytes through
 * a longer stream pipeline (0.48 against 0.35 ms for a campaign mail here), and mime-bytes.ts
 * writes them without streams at all.
 */
export async function mailBytes(
  mail: BuiltMail,
): Promise<{ raw: Buffer; envelope: { from: string; to: string[] } }> {
  const node = new MailComposer({ ...mail.options, newline: 'windows' }).compile();
  const envelope = node.getEnvelope();
  // In one pass when it can (a campaign's mails always): build()'s streams cost more than the MIME.
  const message = mimeBytes(node) ?? (await node.build());
  const raw = mail.dkim ? await dkimSign(message, mail.dkim) : message;
  return { raw, envelope: { from: envelope.from || '', to: envelope.to } };
}
