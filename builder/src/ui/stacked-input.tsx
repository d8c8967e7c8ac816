import type { InputHTMLAttributes } from 'react';

/**
 * A full-width input under its label, as the sign-in, sign-in code and link pages ask for a
 * password or a code: one place for the look and the text-only change handler.
 */
export function StackedInput({
  label,
  onValue,
  className = '',
  ...input
}: { label: string; onValue: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange'
>) {
  return (
    <label className="block text-sm">
      {label}
      <input
        {...input}
        onChange={(e) => onValue(e.target.value)}
        className={`mt-1 w-full rounded border border-slate-300 px-2 py-1 ${className}`.trim()}
      />
    </label>
  );
}
