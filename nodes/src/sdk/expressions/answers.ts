// Checks a person's reply against what was asked. Pure: it runs inside workflows (the machine's
// guards), so it must give the same answer on every replay.

export const answerKinds = ['text', 'number', 'email', 'phone', 'date', 'choice'] as const;
export type AnswerKind = (typeof answerKinds)[number];

export interface Choice {
  id: string;
  title: string;
}

export interface Reply {
  text?: string;
  choiceId?: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  // Day first, as people write dates in Spain and most of Latin America.
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The answer a reply gives, in its kind's form, or undefined when it is not a valid answer. */
export function parseAnswer(kind: AnswerKind, reply: Reply, choices: readonly Choice[] = []): unknown {
  const text = (reply.text ?? '').trim();
  switch (kind) {
    case 'text':
      return text === '' ? undefined : text;
    case 'number': {
      const normal = text.replace(/\s/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text) ? text.toLowerCase() : undefined;
    case 'phone': {
      const digits = text.replace(/[\s().-]/g, '');
      return /^\+?\d{6,15}$/.test(digits) ? digits : undefined;
    }
    case 'date':
      return parseDate(text);
    case 'choice': {
      const byId = choices.find((c) => c.id === reply.choiceId);
      if (byId) return byId.id;
      // On SMS options come numbered: "2" picks the second; the title itself works too.
      const index = /^\d+$/.test(text) ? Number(text) - 1 : -1;
      const picked =
        choices[index] ?? choices.find((c) => fold(c.title) === fold(text) || fold(c.id) === fold(text));
      return picked?.id;
    }
  }
}
