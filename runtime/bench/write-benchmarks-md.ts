import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const chatHeading = '## Chat channels (#5)';
export const voiceHeading = '## Voice (#6)';
export const emailHeading = '## Email (#13)';
export const segmentsHeading = '## Segments (#14)';
export const contactImportHeading = '## Contact import (#14)';
export const sendApiHeading = '## Send API (#14)';
export const campaignsHeading = '## Campaigns (#14)';
export const enginesHeading = '## Engines (#18)';
export const flowAnalyticsHeading = '## Flow analytics (#17)';
export const reportsHeading = '## Reports (#17)';
export const codeNodeHeading = '## Code node (#18)';
export const instantRunsHeading = '## Instant runs (#18)';

export interface BenchmarkSections {
  main?: string;
  chat?: string;
  voice?: string;
  email?: string;
  segments?: string;
  contactImport?: string;
  sendApi?: string;
  campaigns?: string;
  engines?: string;
  flowAnalytics?: string;
  reports?: string;
  codeNode?: string;
  instantRuns?: string;
}

const headings = {
  chat: chatHeading,
  voice: voiceHeading,
  email: emailHeading,
  segments: segmentsHeading,
  contactImport: contactImportHeading,
  sendApi: sendApiHeading,
  campaigns: campaignsHeading,
  engines: enginesHeading,
  flowAnalytics: flowAnalyticsHeading,
  reports: reportsHeading,
  codeNode: codeNodeHeading,
  instantRuns: instantRunsHeading,
} as const;

/** The file cut at its section headings: the platform table first, then each issue's section. */
function splitSections(text: string): Required<BenchmarkSections> {
  const starts = (Object.entries(headings) as Array<[keyof typeof headings, string]>)
    .map(([name, heading]) => ({ name, at: text.indexOf(heading) }))
    .filter((s) => s.at >= 0)
    .sort((a, b) => a.at - b.at);
  const sections = {
    main: text.slice(0, starts[0]?.at ?? text.length),
    chat: '',
    voice: '',
    email: '',
    segments: '',
    contactImport: '',
    sendApi: '',
    campaigns: '',
    engines: '',
    flowAnalytics: '',
    reports: '',
    codeNode: '',
    instantRuns: '',
  };
  starts.forEach((s, i) => {
    sections[s.name] = text.slice(s.at, starts[i + 1]?.at ?? text.length);
  });
  return sections;
}

/**
 * Writes BENCHMARKS.md from the sections this run measured, keeping the others as the file had
 * them: `--only chat` refreshes the chat section without replacing the platform table with
 * nothing (or with figures of another day presented as today's).
 */
export function writeBenchmarksMd(file: URL, sections: BenchmarkSections): void {
  const current = splitSections(existsSync(file) ? readFileSync(file, 'utf8') : '');
  const parts = (
    [
      'main',
      'chat',
      'voice',
      'email',
      'segments',
      'contactImport',
      'sendApi',
      'campaigns',
      'engines',
      'flowAnalytics',
      'reports',
      'codeNode',
      'instantRuns',
    ] as const
  ).map((name) => (sections[name] ?? current[name]).trimEnd());
  writeFileSync(file, parts.filter(Boolean).join('\n\n') + '\n');
}
