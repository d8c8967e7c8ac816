/** One figure of the dashboard, big, with what it counts under it. */
export function FigureTile({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-4" data-testid={testId}>
      <div className="text-3xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
        {value.toLocaleString()}
      </div>
      <div className="text-sm text-slate-600">{label}</div>
    </div>
  );
}
