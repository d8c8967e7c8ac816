import { useEffect } from 'react';
import { create } from 'zustand';
import { listVoicePrompts, type VoicePrompt } from './voice-prompt-api.ts';

interface VoicePromptsState {
  /** null until the first list arrives. */
  prompts: VoicePrompt[] | null;
  loading: boolean;
  refresh(): Promise<void>;
  added(prompt: VoicePrompt): void;
}

/**
 * The workspace's recorded prompts, shared by every picker and card on the page, so a prompt
 * uploaded in one inspector shows by name everywhere at once.
 */
export const useVoicePromptStore = create<VoicePromptsState>((set, get) => ({
  prompts: null,
  loading: false,
  async refresh() {
    if (get().loading) return;
    set({ loading: true });
    try {
      set({ prompts: await listVoicePrompts() });
    } catch {
      // Without the list a picker shows "none yet" and a card shows the text: nothing breaks.
      set((state) => ({ prompts: state.prompts ?? [] }));
    } finally {
      set({ loading: false });
    }
  },
  added(prompt) {
    set((state) => ({
      prompts: [...(state.prompts ?? []).filter((p) => p.id !== prompt.id), prompt].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    }));
  },
}));

/** The prompts, loaded on first use (and only when `needed`: most cards name none). */
export function useVoicePrompts(needed = true): VoicePrompt[] | null {
  const prompts = useVoicePromptStore((s) => s.prompts);
  const refresh = useVoicePromptStore((s) => s.refresh);
  useEffect(() => {
    if (needed && prompts === null) void refresh();
  }, [needed, prompts, refresh]);
  return prompts;
}

const refPattern = /prompt:([0-9a-f-]{36})/gi;

/** A card's line with each `prompt:<id>` replaced by the prompt's name: no ids on the canvas. */
export function withPromptNames(line: string, prompts: readonly VoicePrompt[] | null): string {
  return line.replace(refPattern, (ref, id: string) => {
    const name = prompts?.find((p) => p.id === id.toLowerCase())?.name;
    return name ? `♪ ${name}` : '♪';
  });
}
