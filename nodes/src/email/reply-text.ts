// What a person wrote in a reply, without the mail they quote below it. Mail clients quote in a
// few well-known shapes; we cut at the first one, as reply parsers (GitHub's email_reply_parser,
// Mailgun's talon) do. No npm package of that kind is kept well enough to depend on.

const quoteStarts: readonly RegExp[] = [
  // "On Mon, 1 Jan 2026 at 10:00, Ana <ana@example.com> wrote:" (Gmail, Apple Mail, Thunderbird)
  /^On\b.{0,300}\bwrote:\s*$/i,
  // "El lun, 1 ene 2026 a las 10:00, Ana (<ana@example.com>) escribió:"
  /^El\b.{0,300}\bescribi[óo]:\s*$/i,
  // Outlook
  /^-{2,}\s*(Original Message|Mensaje original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|De):\s.+$/,
];

/** The new text of a reply: everything above the quoted mail and the "wrote:" line. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // Gmail wraps a long "On … wrote:" line over two lines.
  const joined = (i: number) => `${lines[i] ?? ''} ${lines[i + 1] ?? ''}`.trim();
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const quoted =
      line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>'));
    if (
      quoted ||
      quoteStarts.some((start) => start.test(line) || (i + 1 < lines.length && start.test(joined(i))))
    ) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join('\n').trim();
  // A reply that is only a quote (or starts with one): keep the whole text rather than nothing.
  return kept === '' ? text.trim() : kept;
}
