import { create } from 'zustand';

const doneKey = (userId: string) => `omniflow.tour.done.${userId}`;

function seen(userId: string): boolean {
  try {
    return localStorage.getItem(doneKey(userId)) === '1';
  } catch {
    return false;
  }
}

interface TourState {
  /** Whose tour: each person sees it once, on this browser. */
  userId: string | null;
  open: boolean;
  step: number;
  setUser(userId: string | null): void;
  /** Opens the tour on a person's first visit to the editor, never again after they close it. */
  startIfNew(): void;
  /** From the help menu: always, from the first step. */
  start(): void;
  go(step: number): void;
  /** Skipped or finished: remembered, so it does not come back by itself. */
  dismiss(): void;
}

export const useTour = create<TourState>((set, get) => ({
  userId: null,
  open: false,
  step: 0,
  setUser: (userId) => set({ userId }),
  startIfNew() {
    const { userId, open } = get();
    if (userId && !open && !seen(userId)) set({ open: true, step: 0 });
  },
  start: () => set({ open: true, step: 0 }),
  go: (step) => set({ step }),
  dismiss() {
    const { userId } = get();
    if (userId)
      try {
        localStorage.setItem(doneKey(userId), '1');
      } catch {
        // Private mode without storage: the tour may show again next visit, which is harmless.
      }
    set({ open: false, step: 0 });
  },
}));
