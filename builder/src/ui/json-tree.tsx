import { JsonEntry } from './json-entry.tsx';

/**
 * A JSON value as a tree that opens key by key: readable for a 3-field payload and still usable
 * for a 3 000-line one (closed branches render nothing).
 */
export function JsonTree({ label, value }: { label: string; value: unknown }) {
  return (
    <ul aria-label={label} className="font-mono text-xs leading-5">
      <JsonEntry name={label} value={value} depth={0} startOpen={false} />
    </ul>
  );
}
