import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const documents = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'];

/** Markdown outside fenced code blocks: a `# comment` in a shell example is not a heading. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** The anchors GitHub gives a document's headings (github-slugger: repeats get -1, -2…). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, title] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = title!
      .replace(/`|\*|_{2}|\[|\]\([^)]*\)/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every link target that is not a URL: `#anchor`, `FILE.md`, `FILE.md#anchor`, `docs/x.png`. */
function localLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

describe.each(documents)('links in %s', (document) => {
  const text = readFileSync(resolve(root, document), 'utf8');

  it('point at headings and files that exist', () => {
    const broken = localLinks(text).filter((target) => {
      const [path, anchor] = target.split('#');
      const file = path ? resolve(root, path) : resolve(root, document);
      if (!existsSync(file)) return true;
      if (anchor === undefined) return false;
      return !anchorsOf(readFileSync(file, 'utf8')).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});

describe('the anchor rules', () => {
  it('match GitHub’s for the headings this README uses', () => {
    const anchors = anchorsOf(
      '## Voice IVR\n## Chat channels: WhatsApp, SMS and web chat\n```sh\n# not one\n```\n## Voice IVR',
    );
    expect([...anchors]).toEqual(['voice-ivr', 'chat-channels-whatsapp-sms-and-web-chat', 'voice-ivr-1']);
  });
});
