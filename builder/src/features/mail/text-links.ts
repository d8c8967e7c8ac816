/** A piece of a mail's text part: words, or a link to make clickable. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; url: string };

// http(s) URLs as mail clients spot them; a closing bracket or sentence mark stays outside.
const urls = /https?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)\]'’]/g;

/** Splits plain text into words and links, in order, so a page can render the links as anchors. */
export function textLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(urls)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'link', url: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}
