import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';

/**
 * Each report's title in the reader's language, by name, read from the reports list. Until it
 * arrives (or if it cannot be read) callers fall back to the name, so the schedules still show.
 */
export function useReportTitles(locale: string): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let stale = false;
    ok(client.GET('/reports')).then(
      ({ items }) => !stale && setTitles(Object.fromEntries(items.map((r) => [r.name, r.title]))),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [locale]);
  return titles;
}
