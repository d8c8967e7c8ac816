import { simpleParser, type AddressObject } from 'mailparser';

/** A mail's parts as a person reads them (the mail catcher's page): nothing is sanitised here. */
export interface DisplayedMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** Every header as written, unfolded (RFC 5322 §2.2.3), in order. */
  headers: { name: string; value: string }[];
  text: string;
  html: string | null;
  /** The `List-Unsubscribe` links (RFC 2369), https first (RFC 8058's one-click link). */
  unsubscribe: string[];
  dkimSigned: boolean;
  attachments: { filename: string; contentType: string; bytes: number }[];
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? ''))),
  );

function unsubscribeLinks(value: string | undefined): string[] {
  const links = [...(value ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
  return links.filter((l) => /^https?:/i.test(l)).concat(links.filter((l) => !/^https?:/i.test(l)));
}

/** Parses a raw mail (mailparser) into what a reader looks at. */
export async function mailForDisplay(raw: string | Buffer): Promise<DisplayedMail> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const headers = parsed.headerLines.map(({ line }) => {
    const colon = line.indexOf(':');
    return {
      name: line.slice(0, colon),
      value: line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    };
  });
  const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  return {
    from: addresses(parsed.from)[0] ?? '',
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    headers,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    unsubscribe: unsubscribeLinks(header('list-unsubscribe')),
    dkimSigned: header('dkim-signature') !== undefined,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType,
      bytes: a.size,
    })),
  };
}
