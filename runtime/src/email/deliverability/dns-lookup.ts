import { Resolver } from 'node:dns/promises';
import type { MxRecord } from 'node:dns';

/** A DNS question that got no usable answer (timeout, refused, server failure). */
export class DnsLookupError extends Error {
  constructor(
    readonly query: string,
    readonly reason: string,
  ) {
    super(`DNS gave no answer for ${query} (${reason})`);
  }
}

/** The lookups a deliverability check makes; "no such record" is an empty answer, not an error. */
export interface DnsLookup {
  /**
   * TXT records, each one's strings joined (RFC 7208 §3.3, RFC 6376 §3.6.2.2), sorted: DNS
   * answers in any order, and a report (and a merged record) should not change with it.
   */
  txt(name: string): Promise<string[]>;
  mx(name: string): Promise<MxRecord[]>;
  /** A and AAAA addresses together. */
  addresses(name: string): Promise<string[]>;
  /**
   * Any record type, rejecting with Node's error codes as node:dns does: what an SPF evaluator
   * needs (it tells "no such record" from a failure itself).
   */
  raw(name: string, type: string): Promise<unknown>;
}

// NXDOMAIN and NOERROR-with-no-answer: the record is simply not there.
const absent = new Set(['ENOTFOUND', 'ENODATA']);

const codeOf = (error: unknown): string =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'EUNKNOWN';

/** Parses OMNIFLOW_DNS_SERVERS (`ip`, `ip:port`, `[ipv6]:port`, comma- or space-separated). */
export function dnsServersFromEnv(env: Record<string, string | undefined>): string[] | undefined {
  const servers = (env.OMNIFLOW_DNS_SERVERS ?? '').split(/[\s,]+/).filter(Boolean);
  if (servers.length === 0) return undefined;
  try {
    new Resolver().setServers(servers);
  } catch (error) {
    throw new Error(
      `OMNIFLOW_DNS_SERVERS must list DNS servers as ip or ip:port, comma-separated (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return servers;
}

export interface DnsLookupOptions {
  /** DNS servers to ask (default: the system's). */
  servers?: readonly string[];
  /** Per query, and tries per server. */
  timeoutMs?: number;
  tries?: number;
  /** Every lookup of one check ends by then: an SPF record can chain ten lookups. */
  deadline: number;
}

/** Lookups through one resolver, against the given servers, bounded by a deadline. */
export function createDnsLookup(options: DnsLookupOptions): DnsLookup {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2000, tries: options.tries ?? 2 });
  if (options.servers?.length) resolver.setServers([...options.servers]);

  function bounded<T>(name: string, query: () => Promise<T>): Promise<T> {
    const left = options.deadline - Date.now();
    if (left <= 0) return Promise.reject(Object.assign(new Error('deadline'), { code: 'ETIMEOUT' }));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`no answer for ${name} in time`), { code: 'ETIMEOUT' })),
        left,
      );
    });
    return Promise.race([query(), late]).finally(() => clearTimeout(timer));
  }

  async function orEmpty<T>(name: string, query: () => Promise<T[]>): Promise<T[]> {
    try {
      return await bounded(name, query);
    } catch (error) {
      const code = codeOf(error);
      if (absent.has(code)) return [];
      throw new DnsLookupError(name, code);
    }
  }

  return {
    async txt(name) {
      const records = await orEmpty(name, () => resolver.resolveTxt(name));
      return records.map((chunks) => chunks.join('')).sort();
    },
    mx: (name) => orEmpty(name, () => resolver.resolveMx(name)),
    async addresses(name) {
      const [v4, v6] = await Promise.all([
        orEmpty(name, () => resolver.resolve4(name)),
        orEmpty(name, () => resolver.resolve6(name)),
      ]);
      return [...v4, ...v6];
    },
    raw: (name, type) => bounded(name, () => resolver.resolve(name, type)),
  };
}
