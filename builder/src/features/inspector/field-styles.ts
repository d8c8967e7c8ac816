// Shared Tailwind classes, so every control of the form looks and reacts the same way.
export const inputClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 ' +
  'aria-[invalid=true]:border-red-500 disabled:bg-slate-100 disabled:text-slate-500';

export const smallButtonClass =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 ' +
  'disabled:cursor-not-allowed disabled:opacity-40';
