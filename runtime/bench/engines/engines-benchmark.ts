import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAnchors, loadEngine, readLoadRows, runAnchorConfigs } from './anchors.ts';
import { engineFigures, type EngineFigure } from './engine-figures.ts';
import { startOmniflowUnderLoad, type OmniflowLaunch } from './omniflow-under-load.ts';
import { findTemporalServer, startTemporalGoServer, temporalServerVersion } from './temporal-go-server.ts';
import pg from 'pg';

const postRunLua = fileURLToPath(new URL('./post-run.lua', import.meta.url));
/** The anchors' flow itself on Omniflow: webhook → set → if → respond (examples/flows). */
const webhookFlowFile = new URL('../../../examples/flows/webhook-double.json', import.meta.url);

/** The anchors' 4-node flow as a run started by the API: doubled = n × 2, big when above 10. */
export const doubleIfRunFlow = {
  name: 'Engines benchmark: double and compare',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'double',
      type: 'logic.set',
      config: { assignments: [{ name: 'doubled', value: '{{ input.n | times: 2 }}' }] },
    },
    {
      id: 'compare',
      type: 'logic.split',
      config: {
        branches: [{ id: 'big', conditions: [{ left: '{{ vars.doubled }}', operator: 'gt', right: '10' }] }],
      },
    },
    { id: 'big', type: 'flow.end', config: { output: { result: 'big', doubled: '{{ vars.doubled }}' } } },
    { id: 'small', type: 'flow.end', config: { output: { result: 'small', doubled: '{{ vars.doubled }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'double' } },
    { id: 'e2', from: { node: 'double', port: 'next' }, to: { node: 'compare' } },
    { id: 'e3', from: { node: 'compare', port: 'big' }, to: { node: 'big' } },
    { id: 'e4', from: { node: 'compare', port: 'else' }, to: { node: 'small' } },
  ],
};

export interface EnginesOutcome {
  figures: EngineFigure[];
  /** Where the figures came from: which Temporal server and database Omniflow ran on. */
  omniflowSetups: string[];
  skipped?: string;
  /** Only some setups ran (BENCH_ENGINES): printed, not written over the whole section. */
  partial?: string;
}

/**
 * BENCH_ENGINES=omniflow-dev,omniflow-temporal runs only those setups (or anchor configs such as
 * baseline): a change to Omniflow is measured in minutes without n8n and Node-RED.
 */
export function selectedEngines(value: string | undefined): (name: string) => boolean {
  const names = new Set(
    (value ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  return names.size === 0 ? () => true : (name) => names.has(name);
}

/** Omniflow started as configured, its flows published, each loaded like the anchors, then stopped. */
async function loadOmniflow(
  anchors: string,
  results: string,
  name: string,
  launch: OmniflowLaunch,
): Promise<void> {
  const omniflow = await startOmniflowUnderLoad(launch);
  try {
    const hookFlow = (await omniflow.request('/flows', {
      method: 'POST',
      body: JSON.parse(readFileSync(webhookFlowFile, 'utf8')),
    })) as { id: string };
    await omniflow.request(`/flows/${hookFlow.id}/publish`, { method: 'POST', body: { notes: 'benchmark' } });
    const hook = (await omniflow.request(`/flows/${hookFlow.id}/hook`)) as { productionUrl: string };
    // The anchors' own script and body: exactly the request n8n and Node-RED answer.
    await loadEngine(
      anchors,
      results,
      `${name}-webhook`,
      { url: hook.productionUrl, pid: omniflow.pid },
      launch.log,
    );
    const flow = (await omniflow.request('/flows', { method: 'POST', body: doubleIfRunFlow })) as {
      id: string;
    };
    await omniflow.request(`/flows/${flow.id}/publish`, { method: 'POST', body: { notes: 'benchmark' } });
    await loadEngine(
      anchors,
      results,
      `${name}-runs`,
      {
        url: `${omniflow.url}/api/v1/runs`,
        pid: omniflow.pid,
        lua: postRunLua,
        env: { OMNIFLOW_BENCH_KEY: omniflow.key, OMNIFLOW_BENCH_FLOW: flow.id },
      },
      launch.log,
    );
  } finally {
    await omniflow.stop();
  }
}

/**
 * The production shape: Omniflow on PostgreSQL against the real Temporal server (itself on
 * PostgreSQL), when the server has been built here and a database server is named.
 */
async function loadOmniflowOnTemporalServer(anchors: string, results: string, log: (line: string) => void) {
  const found = findTemporalServer();
  const databaseUrl = process.env.OMNIFLOW_BENCH_DATABASE_URL ?? process.env.OMNIFLOW_TEST_DATABASE_URL;
  if ('missing' in found) return `omniflow-temporal: not measured, ${found.missing} not found`;
  if (!databaseUrl)
    return 'omniflow-temporal: not measured, no PostgreSQL named (OMNIFLOW_BENCH_DATABASE_URL)';
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('drop database if exists omniflow_engines with (force)');
  await admin.query('create database omniflow_engines');
  await admin.end();
  const database = new URL(databaseUrl);
  database.pathname = '/omniflow_engines';
  const temporal = await startTemporalGoServer(found, databaseUrl, log);
  try {
    await loadOmniflow(anchors, results, 'omniflow-temporal', {
      log,
      databaseUrl: database.href,
      temporalAddress: temporal.address,
    });
  } finally {
    await temporal.stop();
  }
  return `omniflow-temporal: \`omniflow dev\` on PostgreSQL (${database.host}) against the real Temporal server ${temporalServerVersion} (built from its Go module, on the same PostgreSQL); its RSS is Omniflow's alone, the server's is not counted`;
}

/**
 * #18's comparison: the same 4-node flow on Omniflow, n8n and Node-RED on this machine, each
 * started fresh and loaded with the anchors' wrk script at 1, 10 and 50 connections, the plain
 * node:http server measured first and last as the run's baseline.
 */
export async function enginesBenchmark(log: (line: string) => void): Promise<EnginesOutcome> {
  const found = findAnchors();
  if ('missing' in found) return { figures: [], omniflowSetups: [], skipped: found.missing };
  const anchors = found.folder;
  const results = mkdtempSync(join(tmpdir(), 'omniflow-engines-results-'));
  log(`engines: results in ${results}`);
  const selected = selectedEngines(process.env.BENCH_ENGINES);
  const anchorConfigs = async (configs: string[]) => {
    const chosen = configs.filter(selected);
    if (chosen.length > 0) await runAnchorConfigs(anchors, results, chosen, log);
  };
  await anchorConfigs(['baseline', 'node-red']);
  const omniflowSetups: string[] = [];
  if (selected('omniflow-dev')) {
    omniflowSetups.push('omniflow-dev: `omniflow dev` (`npm start`): embedded PGlite, Temporal dev server');
    await loadOmniflow(anchors, results, 'omniflow-dev', { log });
  }
  if (selected('omniflow-temporal'))
    omniflowSetups.push(await loadOmniflowOnTemporalServer(anchors, results, log));
  await anchorConfigs(['n8n-default', 'n8n-default-legacyexpr', 'baseline-end']);
  const figures = engineFigures(readLoadRows(results));
  return process.env.BENCH_ENGINES
    ? { figures, omniflowSetups, partial: `only ${process.env.BENCH_ENGINES}` }
    : { figures, omniflowSetups };
}
