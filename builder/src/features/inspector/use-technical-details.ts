import { create } from 'zustand';

const storageKey = 'omniflow.technicalDetails';

function storedChoice(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(storageKey) === 'true';
  } catch {
    // Storage refused (private mode, a sandboxed frame): the details stay hidden.
    return false;
  }
}

interface TechnicalDetailsState {
  /** Node ids and type names on cards and in the inspector: for people who ask for them. */
  shown: boolean;
  setShown(shown: boolean): void;
}

export const useTechnicalDetails = create<TechnicalDetailsState>((set) => ({
  shown: storedChoice(),
  setShown(shown) {
    try {
      localStorage.setItem(storageKey, String(shown));
    } catch {
      // Not remembered this time; the choice still holds for this page.
    }
    set({ shown });
  },
}));
