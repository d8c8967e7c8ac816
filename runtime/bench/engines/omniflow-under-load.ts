import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/temporal-server/free-port.ts';
import { spawnOmniflowCli } from '../../test/support/spawn-omniflow-cli.ts';

export interface OmniflowUnderLoad {
  url: string;
  /** The process wrk's figures charge the CPU and RSS to (its children count too). */
  pid: number;
  key: string;
  request(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  stop(): Promise<void>;
}

export interface OmniflowLaunch {
  /** `dev` (embedded PGlite, a Temporal dev server of its own) unless DATABASE_URL is given. */
  databaseUrl?: string;
  /** A Temporal frontend already running (the real server); else `omniflow dev` starts one. */
  temporalAddress?: string;
  log: (line: string) => void;
  /** Extra node flags, e.g. `--cpu-prof` to see where a request's time goes. */
  nodeArgs?: string[];
  /**
   * Runs whose path is pure are played in the API process without Temporal (the default, as
   * a person's install does); false sends every run through Temporal, to compare.
   */
  instantRuns?: boolean;
}

/**
 * `omniflow dev` as a person starts it (`npm start`), in a fresh home, on free ports, with the
 * API rate limits off (a load generator on one address is not what they guard against) and an
 * admin's API key for the benchmark's requests.
 */
export async function startOmniflowUnderLoad(launch: OmniflowLaunch): Promise<OmniflowUnderLoad> {
  const home = mkdtempSync(join(tmpdir(), 'omniflow-engines-'));
  const port = await freePort();
  const password = 'bench-Passw0rd-engines';
  // The tests' spawner: its own process group, tsx's loader in the process itself, so the
  // process wrk's figures are charged to is Omniflow.
  const omniflow = spawnOmniflowCli(['dev'], {
    nodeArgs: launch.nodeArgs ?? [],
    outputLimit: 4000,
    env: {
      ...process.env,
      OMNIFLOW_HOME: home,
      PORT: String(port),
      OMNIFLOW_TEMPORAL_PORT: String(await freePort()),
      OMNIFLOW_ADMIN_EMAIL: 'bench@omniflow.local',
      OMNIFLOW_ADMIN_PASSWORD: password,
      OMNIFLOW_RATE_LIMIT_PER_KEY: '0',
      OMNIFLOW_RATE_LIMIT_PER_IP: '0',
      DATABASE_URL: launch.databaseUrl,
      TEMPORAL_ADDRESS: launch.temporalAddress,
      // Said outright, so a shell that turned them off does not change what is measured.
      OMNIFLOW_INSTANT_RUNS: launch.instantRuns === false ? '0' : '1',
    },
  });
  const { child } = omniflow;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) await omniflow.stop(20_000);
    // The Temporal dev server it started may still be closing its files for a moment.
    rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`omniflow dev exited ${child.exitCode}: ${omniflow.output()}`);
      const ready = await fetch(`${url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`omniflow dev not ready in 180 s: ${omniflow.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    launch.log(`omniflow dev ready at ${url} (pid ${child.pid})`);
    // `omniflow dev` makes its admin once the API listens (hashing the password takes a while
    // on a loaded machine): a first refusal is tried again, well under the 5 that lock the account.
    const signIn = () =>
      fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ email: 'bench@omniflow.local', password }),
      });
    let login = await signIn();
    for (let wait = 2000; login.status === 401 && wait <= 8000; wait *= 2) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      login = await signIn();
    }
    if (!login.ok) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const made = await fetch(`${url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, cookie },
      body: JSON.stringify({ name: 'engines benchmark' }),
    });
    if (!made.ok) throw new Error(`API key answered ${made.status}: ${await made.text()}`);
    const { key } = (await made.json()) as { key: string };
    const request = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const response = await fetch(`${url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    };
    return { url, pid: child.pid!, key, request, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
