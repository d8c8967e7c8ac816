import nodemailer from 'nodemailer';

// Builds messages only: nothing is sent.
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** A plain mail a person might write (RFC 5322, with its Message-ID and Date), as raw bytes. */
export async function composeMail(mail: {
  from: string;
  to: string;
  subject: string;
  text: string;
}): Promise<Buffer> {
  const { message } = await builder.sendMail(mail);
  if (!Buffer.isBuffer(message)) throw new Error('The mail was built as a stream, not whole');
  return message;
}
