import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const chatHeading = '## Chat channels (#5)';

/**
 * Writes BENCHMARKS.md from the sections this run measured, keeping the others as the file had
 * them: `--only chat` refreshes the chat section without replacing the platform table with
 * nothing (or with figures of another day presented as today's).
 */
export function writeBenchmarksMd(file: URL, sections: { main?: string; chat?: string }): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.indexOf(chatHeading);
  const currentMain = at >= 0 ? current.slice(0, at) : current;
  const currentChat = at >= 0 ? current.slice(at) : '';
  const main = (sections.main ?? currentMain).trimEnd();
  const chat = (sections.chat ?? currentChat).trimEnd();
  writeFileSync(file, [main, chat].filter(Boolean).join('\n\n') + '\n');
}
