import { useEffect, useRef, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { FlowDocument, ValidationIssue } from '../../api/types.ts';
import { draftLimitIssues } from './draft-limits.ts';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const backupKey = (flowId: string) => `omniflow.draft.${flowId}`;

/** A local copy of unsaved edits, so a reload or a lost connection loses nothing. */
export function readBackup(flowId: string): FlowDocument | undefined {
  const text = localStorage.getItem(backupKey(flowId));
  return text ? (JSON.parse(text) as FlowDocument) : undefined;
}

/**
 * Saves the draft shortly after each change (and keeps a local backup until the server has
 * it); `onSaved` runs after every successful save (the page re-validates then).
 */
export function useAutosave(
  flowId: string,
  doc: FlowDocument | null,
  revision: number,
  /** Revisions up to this one came from loading, not from edits. */
  loadedRevision: number,
  onSaved: () => void,
) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  /** What keeps the draft from saving at all (a field over its limit): not even tried. */
  const [blocked, setBlocked] = useState<ValidationIssue[]>([]);
  const latest = useRef(onSaved);
  latest.current = onSaved;

  useEffect(() => {
    if (!doc || revision <= loadedRevision) return;
    localStorage.setItem(backupKey(flowId), JSON.stringify(doc));
    const limits = draftLimitIssues(doc);
    setBlocked(limits);
    if (limits.length > 0) {
      setState('error');
      setError(null);
      return;
    }
    setState('unsaved');
    const timer = setTimeout(async () => {
      setState('saving');
      try {
        await ok(client.PUT('/flows/{id}', { params: { path: { id: flowId } }, body: doc }));
        localStorage.removeItem(backupKey(flowId));
        setState('saved');
        setError(null);
        latest.current();
      } catch (e) {
        setState('error');
        setError((e as Error).message);
      }
    }, 700);
    return () => clearTimeout(timer);
    // The revision says when the document changed; the doc object itself is read at that time.
  }, [flowId, revision, loadedRevision]);

  return { state, error, blocked };
}
