import { textLinks } from './text-links.ts';

/** A mail's text part with its links clickable; each opens in a new tab (tracking links work there). */
export function LinkedText({ text }: { text: string }) {
  return (
    <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-900">
      {textLinks(text).map((piece, i) =>
        piece.kind === 'link' ? (
          <a
            key={i}
            href={piece.url}
            target="_blank"
            rel="noreferrer noopener"
            className="text-indigo-700 underline"
          >
            {piece.url}
          </a>
        ) : (
          piece.text
        ),
      )}
    </pre>
  );
}
