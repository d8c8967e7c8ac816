import { describe, expect, it } from 'vitest';
import { mailOfInput, replySubject, threadHeaders } from './mail-thread.ts';

describe('threadHeaders', () => {
  it('keeps the thread’s root and the newest ids when References grows long', () => {
    const references = Array.from({ length: 30 }, (_, i) => `id${i}@example.com`);
    const headers = threadHeaders({
      from: 'a@b.c',
      to: 'x@y.z',
      subject: 'x',
      messageId: 'last@example.com',
      references,
    });
    expect(headers.references).toHaveLength(20);
    expect(headers.references[0]).toBe('id0@example.com');
    expect(headers.references.at(-1)).toBe('last@example.com');
    expect(headers.references.at(-2)).toBe('id29@example.com');
  });

  it('puts "Re:" once, whatever its case', () => {
    expect(replySubject('Factura')).toBe('Re: Factura');
    expect(replySubject('RE: Factura')).toBe('RE: Factura');
    expect(replySubject('re:Factura')).toBe('re:Factura');
    expect(replySubject('')).toBe('Re:');
  });

  it('takes a thread from In-Reply-To when a mail has no References (RFC 5322 §3.6.4)', () => {
    const mail = mailOfInput({
      channel: 'email',
      from: 'a@b.c',
      to: 'x@y.z',
      email: { subject: 'Re: x', messageId: 'two@b.c', inReplyTo: 'one@y.z' },
    });
    expect(mail?.references).toEqual(['one@y.z']);
    expect(threadHeaders(mail!).references).toEqual(['one@y.z', 'two@b.c']);
    expect(mailOfInput({ channel: 'sms', from: '+34600111222' })).toBeUndefined();
  });
});
