import { useState } from 'react';

const isBranch = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === 'object' && value !== null && Object.keys(value).length > 0;

/** `{…} 3` or `[…] 5`: what a closed object or array holds, the same in every language. */
function preview(value: Record<string, unknown> | unknown[]): string {
  return Array.isArray(value) ? `[…] ${value.length}` : `{…} ${Object.keys(value).length}`;
}

function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string')
    return <span className="break-all whitespace-pre-wrap text-emerald-700">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="text-sky-700">{value}</span>;
  if (value === undefined) return <span className="text-slate-400">—</span>;
  // booleans, null, and the empty {} and [].
  return <span className="text-violet-700">{JSON.stringify(value)}</span>;
}

/** One key of a JSON value; objects and arrays open and close. Keys right under the root start open. */
export function JsonEntry({
  name,
  value,
  depth,
  startOpen = depth === 1,
}: {
  name: string;
  value: unknown;
  depth: number;
  startOpen?: boolean;
}) {
  const [open, setOpen] = useState(startOpen);
  if (!isBranch(value))
    return (
      <li className="pl-4">
        <span className="text-slate-600">{name}: </span>
        <Leaf value={value} />
      </li>
    );
  const children = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  return (
    <li>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="rounded px-0.5 text-left hover:bg-slate-200"
      >
        <span aria-hidden="true" className="inline-block w-3.5 text-slate-500">
          {open ? '▾' : '▸'}
        </span>
        <span className="text-slate-600">{name}</span>
        {!open && <span className="ml-1 text-slate-400">{preview(value)}</span>}
      </button>
      {open && (
        <ul className="ml-2 border-l border-slate-200 pl-1">
          {children.map(([key, child]) => (
            <JsonEntry key={key} name={key} value={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
