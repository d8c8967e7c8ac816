// A flow names a workspace's recorded prompt (issue #15) as `prompt:<id>`: the id, not the name,
// so renaming a prompt never breaks a flow, and the audio behind an id never changes, so a
// published flow keeps playing exactly what it was published with.

const refPattern = /^prompt:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** What a voice node's audio field holds for the recorded prompt `id`. */
export const voicePromptRef = (id: string) => `prompt:${id.toLowerCase()}`;

/** The prompt id a field's value names, or undefined when it names none (a URL, a file, text). */
export function voicePromptIdOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return refPattern.exec(value.trim())?.[1]?.toLowerCase();
}

/** Every recorded prompt id a node's config names, in any field, at any depth. */
export function voicePromptIdsIn(config: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    const id = voicePromptIdOf(value);
    if (id) ids.add(id);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(config);
  return [...ids];
}
