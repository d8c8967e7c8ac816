import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveState } from './use-autosave.ts';

/**
 * "Publish" asked for while the draft is still being saved waits for the save, then opens the
 * dialog: publishing goes by what the server has, and a click that did nothing would look broken.
 * A save that fails instead calls `refuse` with why (null when the draft is over a limit and no
 * save was tried), so publishing never starts from a draft the server does not hold.
 */
export function usePublishAfterSave(
  saveState: SaveState,
  saveError: string | null,
  open: () => void,
  refuse: (reason: string | null) => void,
) {
  const [waiting, setWaiting] = useState(false);
  const latest = useRef({ open, refuse });
  latest.current = { open, refuse };

  useEffect(() => {
    if (!waiting) return;
    if (saveState === 'saved') {
      setWaiting(false);
      latest.current.open();
    } else if (saveState === 'error') {
      setWaiting(false);
      latest.current.refuse(saveError);
    }
  }, [waiting, saveState, saveError]);

  const request = useCallback(() => {
    if (saveState === 'saved') latest.current.open();
    else if (saveState === 'error') latest.current.refuse(saveError);
    else setWaiting(true);
  }, [saveState, saveError]);

  return { waiting, request };
}
