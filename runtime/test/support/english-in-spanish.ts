import { builtinNodes } from '@omniflow/nodes';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { catalog } from '../../../builder/src/i18n/catalog.ts';
import { validationCodes } from '../../src/graph/validation-issue.ts';

// A Spanish-speaking administrator must never meet an English sentence: each visible text of a
// page is compared with the English side of the builder's catalog (and of the nodes' titles and
// descriptions) wherever English and Spanish differ. Shared by every e2e that walks the `es` UI.

/** Texts that are the same word in both languages, or names, where they show as they are. */
const sameInBoth = new Set(['Omniflow', 'WhatsApp', 'SMS', 'Email', 'Web chat', 'JSON', 'ID', 'URL', 'OK']);

function englishOnly(): { exact: Set<string>; patterns: { key: string; pattern: RegExp }[] } {
  const exact = new Set<string>();
  const patterns: { key: string; pattern: RegExp }[] = [];
  const en: Record<string, string> = catalog.en;
  const es: Record<string, string> = catalog.es;
  for (const [key, value] of Object.entries(en)) {
    if (es[key] === value || sameInBoth.has(value)) continue;
    if (!/\{\w+\}/.test(value)) {
      exact.add(value.trim());
      continue;
    }
    // A sentence with values in it: the literal words must be long enough to say it is English.
    const literal = value.replace(/\{\w+\}/g, '');
    if (literal.replace(/[^A-Za-z]/g, '').length < 8) continue;
    const source = value
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    patterns.push({ key, pattern: new RegExp(`^${source}$`) });
  }
  const pairs: { en: string; es: string }[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.en === 'string' && typeof record.es === 'string') pairs.push(record as never);
      else Object.values(record).forEach(collect);
    }
  };
  for (const node of builtinNodes) collect([node.title, node.description]);
  for (const pair of pairs) if (pair.en !== pair.es && !sameInBoth.has(pair.en)) exact.add(pair.en);
  return { exact, patterns };
}

/** Developer text that is in no catalog: zod's own messages and raw validation codes. */
const developerText = new RegExp(`Invalid input|expected \\w+, received|^(${validationCodes.join('|')})$`);

/**
 * Every text a person sees on the page now: visible text nodes and the placeholders of inputs.
 * A string run in the page, as the runtime's typecheck has no DOM library.
 */
const collectTexts = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, code, pre, [data-user-text]')) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    out.push(text);
  }
  for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]'))
    if (input.checkVisibility()) out.push(input.placeholder.trim());
  return out;
})()`;

export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(collectTexts) as Promise<string[]>;
}

/**
 * A checker that records, per screen, every visible English catalog string (or developer text):
 * `check` waits until the page stops changing (nothing loading, the same texts twice) first.
 */
export function englishWatch(page: Page) {
  const english = englishOnly();
  const found: string[] = [];
  async function check(where: string) {
    let previous = '';
    await expect
      .poll(
        async () => {
          const now = (await visibleTexts(page)).join('\n');
          const stable = now === previous && !now.includes(catalog.es['common.loading']);
          previous = now;
          return stable;
        },
        { timeout: 20_000, interval: 300 },
      )
      .toBe(true);
    for (const text of await visibleTexts(page)) {
      const key = english.exact.has(text)
        ? text
        : english.patterns.find(({ pattern }) => pattern.test(text))?.key;
      if (key) found.push(`${where}: “${text}” (${key})`);
      else if (developerText.test(text)) found.push(`${where}: “${text}” (developer text)`);
    }
  }
  return { found, check };
}
