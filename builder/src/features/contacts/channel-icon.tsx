// One small mark per channel, so a timeline reads at a glance; the name is the accessible label.
const marks: Record<string, { glyph: string; tone: string }> = {
  sms: { glyph: '✉︎', tone: 'bg-sky-100 text-sky-800' },
  whatsapp: { glyph: '☏', tone: 'bg-emerald-100 text-emerald-800' },
  email: { glyph: '@', tone: 'bg-amber-100 text-amber-800' },
  webchat: { glyph: '💬', tone: 'bg-violet-100 text-violet-800' },
  voice: { glyph: '📞', tone: 'bg-rose-100 text-rose-800' },
  run: { glyph: '⚙', tone: 'bg-slate-100 text-slate-700' },
  campaign: { glyph: '📣', tone: 'bg-indigo-100 text-indigo-800' },
};

export function ChannelIcon({ channel, label }: { channel: string; label: string }) {
  const mark = marks[channel] ?? marks.run!;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm ${mark.tone}`}
    >
      {mark.glyph}
    </span>
  );
}
