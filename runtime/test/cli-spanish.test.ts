import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { problemMessages } from '@omniflow/builder/problem-messages';
import { cliMessages } from '../src/cli/cli-messages.ts';
import { listen } from './support/serve-omniflow.ts';
import { CountingTarget } from './support/counting-target.ts';
import { notifyThenFlakyFlow } from './support/flows.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const exec = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));

// The English a Spanish reader must never see: every literal piece (between placeholders) of the
// CLI's and the problems' English sentences that the Spanish ones do not share, and commander's own
// words the CLI translates.
const spanishText = [...Object.values(cliMessages.es), ...Object.values(problemMessages.es)].join('\n');
const englishPieces = [
  ...new Set(
    [...Object.values(cliMessages.en), ...Object.values(problemMessages.en)]
      .flatMap((sentence) => sentence.split(/\{\w+\}/))
      .map((piece) => piece.trim())
      // Single words ("total", a port's "answered") also appear in a run's own data; prose has spaces.
      .filter((piece) => piece.includes(' ') && piece.length >= 8 && !spanishText.includes(piece)),
  ),
  'Usage:',
  'Options:',
  'Commands:',
  'display help',
  'unknown command',
  'unknown option',
  '(default:',
  'choices:',
];

function expectNoEnglish(text: string) {
  const found = englishPieces.filter((piece) => text.includes(piece));
  expect(found, `English in the Spanish output:\n${text}`).toEqual([]);
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

// Each CLI run is a process that loads the CLI: one database (PostgreSQL when the run has one), and
// the commands of one case side by side.
const db = inject('postgresUrl') ? ('postgres' as const) : ('pglite' as const);

describe(`the CLI in Spanish and English (${db})`, () => {
  let omni: TestOmniflow;
  let target: CountingTarget;
  let server: Awaited<ReturnType<typeof listen>>;
  let base: NodeJS.ProcessEnv;
  let flowId: string;
  let runId: string;

  /** Runs the real CLI; a failure is an outcome too (its exit code and what it wrote). */
  const cli = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Outcome> =>
    exec(process.execPath, [bin, ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: Outcome) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  // Spanish chosen three ways: the flag, OMNIFLOW_LANG and the locale.
  const spanishByLocale = () => ({ ...base, LC_ALL: '', LC_MESSAGES: 'es_PE.UTF-8', LANG: 'en_US.UTF-8' });
  const spanishByVariable = () => ({ ...base, OMNIFLOW_LANG: 'es' });
  const english = () => ({ ...base, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' });

  beforeAll(async () => {
    target = await new CountingTarget().start();
    omni = await startTestOmniflow({ db, env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    server = await listen(omni.app);
    base = {
      ...process.env,
      OMNIFLOW_LANG: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: '',
      OMNIFLOW_URL: server.url,
      OMNIFLOW_API_KEY: omni.apiKey,
    };
    const graph = notifyThenFlakyFlow(target.url, 'Aviso y llamada');
    flowId = await publishFlow(omni, graph);
    target.broken = true;
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '600000009' } });
    runId = started.body.id;
    await runReaches(omni, runId, ['failed']);
    // The draft then loses its notify → flaky connection: "flaky" and "done" can no longer be reached.
    const draft = await omni.call('PUT', `/api/v1/flows/${flowId}`, {
      ...graph,
      edges: graph.edges.filter((e) => e.id !== 'e2'),
    });
    expect(draft.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    await target?.close();
  });

  it('says help, lists, counts and timelines in Spanish (flag, variable or locale) and English', async () => {
    const [help, topHelp, importHelp, list, counts, show, englishList, englishHelp] = await Promise.all([
      cli(base, '--lang', 'es', 'runs', '--help'),
      cli(spanishByLocale(), '--help'),
      cli(spanishByVariable(), 'contacts', 'import', '--help'),
      cli(spanishByVariable(), 'runs', 'list', '--flow', flowId),
      cli(spanishByLocale(), 'runs', 'counts', '--flow', flowId),
      cli(spanishByLocale(), 'runs', 'show', runId),
      // The flag wins over a Spanish environment.
      cli(spanishByVariable(), '--lang', 'en', 'runs', 'list', '--flow', flowId),
      cli(english(), 'runs', 'list', '--help'),
    ]);
    expect(help.stdout).toMatch(/^Uso: omniflow runs \[opciones\] \[comando\]/);
    expect(help.stdout).toContain('Comandos:');
    expect(help.stdout).toContain('Sigue, examina, reintenta y repite ejecuciones de flujos');
    expect(help.stdout).toContain('Opciones globales:');
    expectNoEnglish(help.stdout);
    expect(topHelp.stdout).toContain('Aplica las migraciones de la base de datos');
    expect(topHelp.stdout).toMatch(/help \[comando\]\s+muestra la ayuda de un comando/);
    expectNoEnglish(topHelp.stdout);
    expect(importHelp.stdout).toMatch(/^Uso: omniflow contacts import \[opciones\] <archivo>/);
    expectNoEnglish(importHelp.stdout);

    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(
      /^EJECUCIÓN\s+FLUJO\s+V\s+ESTADO\s+CONTACTO\s+EN EL NODO\s+INICIO/,
    );
    expect(list.stdout).toMatch(/Aviso y llamada\s+1\s+fallida\s+600000009\s+flaky/);
    expectNoEnglish(list.stdout);

    expect(counts.stdout).toMatch(/fallida\s+1/);
    expect(counts.stdout).toMatch(/total\s+1/);
    expectNoEnglish(counts.stdout);

    expect(show.stdout).toContain('fallida');
    expect(show.stdout).toContain('flaky (http.request)');
    expect(show.stdout).toMatch(/notify \(http\.request\).*→ éxito/);
    expect(show.stdout).toMatch(/^Falló: /m);
    expectNoEnglish(show.stdout);

    expect(englishList.stdout.split('\n')[0]).toMatch(/^RUN\s+FLOW\s+V\s+STATUS/);
    expect(englishList.stdout).toMatch(/Aviso y llamada\s+1\s+failed/);
    expect(englishHelp.stdout).toMatch(/^Usage: omniflow runs list \[options\]/);
    expect(englishHelp.stdout).toContain('only runs of this flow');
    // The English check itself finds English: it fails on the English help.
    expect(() => expectNoEnglish(englishHelp.stdout)).toThrow();
  }, 180_000);

  it('keeps --json the API’s answer, whatever the language', async () => {
    const [spanishOutcome, englishOutcome] = await Promise.all([
      cli(spanishByVariable(), 'runs', 'counts', '--flow', flowId, '--json'),
      cli(english(), 'runs', 'counts', '--flow', flowId, '--json'),
    ]);
    const spanish = JSON.parse(spanishOutcome.stdout);
    const englishJson = JSON.parse(englishOutcome.stdout);
    expect(spanish).toEqual(englishJson);
    expect(spanish.counts.failed).toBe(1);
  }, 60_000);

  it('imports contacts with Spanish progress, counts and rejection reasons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omniflow-import-es-'));
    try {
      const file = join(dir, 'lista.csv');
      writeFileSync(file, 'Nombre,Celular\nAna,987000001\nMalo,123\n');
      const imported = await cli(spanishByLocale(), 'contacts', 'import', file, '--country', 'PE');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('1 creados, 0 actualizados, 1 rechazados de 2 filas');
      expect(imported.stdout).toMatch(/^Filas rechazadas: GET \/api\/v1\/contact-imports\/.+\/rejections/m);
      expect(imported.stderr.trim().split('\n').at(-1)).toBe('Importando: 2/2');
      expectNoEnglish(imported.stdout + imported.stderr);
      // The rejection reasons were worded in the CLI's language too (the import's language).
      const id = /contact-imports\/([^/]+)\/rejections/.exec(imported.stdout)![1];
      const rejections = await omni.call('GET', `/api/v1/contact-imports/${id}/rejections`);
      expect(rejections.body.rejections).toEqual([
        expect.objectContaining({ line: 3, reason: '"123" no es un teléfono válido (país por defecto PE)' }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists a flow’s problems with the builder’s sentences, in the chosen language, and exits non-zero', async () => {
    const [spanish, englishOutcome] = await Promise.all([
      cli(spanishByVariable(), 'runs', 'what-if', flowId),
      cli(english(), 'runs', 'what-if', flowId),
    ]);
    expect(spanish.code).toBe(1);
    expect(spanish.stderr).toMatch(/El flujo tiene \d+ problema\(s\) que corregir antes: \(FLOW_INVALID\)/);
    // Named as the problems panel names them: by title (the draft's nodes have no labels).
    expect(spanish.stderr).toContain(
      '  ✗ «Petición HTTP» nunca se alcanza desde el inicio; conéctalo o elimínalo',
    );
    expect(spanish.stderr).toContain('  ! aviso: «Petición HTTP»: no hay nada después de «fallo»');
    expectNoEnglish(spanish.stderr);

    expect(englishOutcome.code).toBe(1);
    expect(englishOutcome.stderr).toContain('problem(s) to fix first');
    expect(englishOutcome.stderr).toContain('  ✗ “HTTP request” can never be reached from the start');
    expect(englishOutcome.stderr).toContain('! warning: “HTTP request”: nothing happens after “failed”');
  }, 60_000);

  it('refuses an unknown command, a bad flag, a missing argument and a bad language clearly, in the chosen language', async () => {
    const spanishCases: [string[], RegExp][] = [
      [['bogus'], /^omniflow: no existe el comando «bogus»\. Consulta `omniflow --help`\./],
      [
        ['runs', 'lst'],
        /no existe el comando «lst»\. ¿Querías decir «list»\? Consulta `omniflow runs --help`/,
      ],
      [['runs', 'list', '--bogus'], /no existe la opción «--bogus»\. Consulta `omniflow runs list --help`/],
      [['runs', 'show'], /al comando le falta el argumento «idEjecución»/],
      [['api-key', 'create'], /la opción «--name <nombre>» es obligatoria/],
      [
        ['--lang', 'fr', 'runs', 'list'],
        /«fr» no es un valor válido para --lang <idioma>: usa uno de estos: es, en/,
      ],
    ];
    const [spanishOutcomes, noKey, badKey, unknown, badFlag] = await Promise.all([
      Promise.all(spanishCases.map(([args]) => cli(spanishByLocale(), ...args))),
      cli({ ...spanishByVariable(), OMNIFLOW_API_KEY: '' }, 'runs', 'list'),
      cli({ ...spanishByVariable(), OMNIFLOW_API_KEY: 'of_key_nope' }, 'runs', 'list'),
      cli(english(), 'bogus'),
      cli(english(), 'runs', 'list', '--bogus'),
    ]);
    spanishCases.forEach(([args, expected], i) => {
      const outcome = spanishOutcomes[i]!;
      expect(outcome.code, args.join(' ')).not.toBe(0);
      expect(outcome.stderr, args.join(' ')).toMatch(expected);
      expectNoEnglish(outcome.stderr);
    });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('Indica OMNIFLOW_API_KEY (o pasa --api-key)');
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toContain('Esta clave de API no existe o está revocada');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('omniflow: there is no command “bogus”. See `omniflow --help`.');
    expect(badFlag.stderr).toContain('there is no option “--bogus”');
  }, 180_000);
});

describe('the CLI in Spanish on its own database', () => {
  const home = mkdtempSync(join(tmpdir(), 'omniflow-cli-es-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('migrates the embedded database and says so in Spanish', async () => {
    const env = { ...process.env, OMNIFLOW_HOME: home, DATABASE_URL: '', OMNIFLOW_LANG: 'es' };
    const { stdout } = await exec(process.execPath, [bin, 'migrate'], { env });
    expect(stdout.trim()).toBe('Migraciones aplicadas (pglite)');
  }, 180_000);
});
