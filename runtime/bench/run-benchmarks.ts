import { codeNodeBenchmark, codeNodeReport } from './code-node-benchmark.ts';
import { compileFlow } from '../src/compiler/compile-flow.ts';
import { flowDocumentSchema } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startDevServer } from '../src/temporal-server/dev-server.ts';
import { builderBenchmarks } from './builder-benchmarks.ts';
import { campaignBenchmarks } from './campaign-sms-benchmark.ts';
import { campaignsReport } from './campaigns-report.ts';
import { reportsBenchmark } from './reports-benchmark.ts';
import { reportsSection } from './reports-section.ts';
import { chatReport } from './chat-report.ts';
import { contactImportBenchmark, contactImportLines } from './contact-import-benchmark.ts';
import { contactImportReport } from './contact-import-report.ts';
import { emailReport } from './email-report.ts';
import { emailSendBenchmarks, emailSendFigureLines } from './email-send-benchmark.ts';
import { enginesBenchmark } from './engines/engines-benchmark.ts';
import { enginesReport } from './engines/engines-report.ts';
import { instantCpuBenchmark, instantCpuReport } from './engines/instant-cpu.ts';
import { flowAnalyticsBenchmark, flowAnalyticsLines } from './flow-analytics-benchmark.ts';
import { flowAnalyticsReport } from './flow-analytics-report.ts';
import { generateGraph } from './generate-graph.ts';
import { inboundReplyBenchmark } from './inbound-reply-benchmark.ts';
import { mailAutoReplyBenchmark, mailAutoReplyLines } from './mail-auto-reply-benchmark.ts';
import { median } from './median.ts';
import { platformFigureLines, platformReport } from './platform-report.ts';
import { runsListBenchmark } from './runs-list-benchmark.ts';
import { selectedBenchmarks } from './selected-benchmarks.ts';
import { segmentFigureLines, segmentsBenchmark } from './segments-benchmark.ts';
import { segmentsReport } from './segments-report.ts';
import { smsSubmitBenchmark } from './sms-submit-benchmark.ts';
import { sendApiBenchmark, sendApiFigureLines } from './send-api-benchmark.ts';
import { workflowThroughput } from './workflow-throughput.ts';
import { webhookBenchmark } from './webhook-benchmark.ts';
import { voiceBenchmark } from './voice-benchmark.ts';
import { voiceReport } from './voice-report.ts';
import { writeBenchmarksMd, type BenchmarkSections } from './write-benchmarks-md.ts';

async function compileSpeed() {
  const registry = await loadRegistry({});
  const graph = generateGraph(1000);
  const text = JSON.stringify(graph);
  const times: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 40; i++) {
    let t = performance.now();
    JSON.parse(JSON.stringify(JSON.parse(text)));
    baseline.push(performance.now() - t);
    t = performance.now();
    const doc = flowDocumentSchema.parse(JSON.parse(text));
    const result = validateFlow(doc, registry);
    if (!result.ok) throw new Error(`Generated graph is invalid: ${result.errors[0]?.message}`);
    compileFlow(doc, registry);
    times.push(performance.now() - t);
  }
  // The first iterations warm the JIT and the template cache; measure the steady state.
  return { median: median(times.slice(10)), baseline: median(baseline.slice(10)) };
}

const only = selectedBenchmarks(process.argv.slice(2), process.env.BENCH_ONLY);
const mainFigures = ['compile', 'builder', 'workflows', 'runs-list'] as const;
const runsMain = mainFigures.every((name) => only.has(name));
/** Every figure but compile and the SMS submit rates runs against a Temporal dev server. */
const needsTemporal = (
  ['builder', 'chat', 'mail', 'workflows', 'runs-list', 'voice', 'send-api', 'campaigns', 'webhook'] as const
).some((name) => only.has(name));
/** Each figure is printed the moment it is measured, whichever subset runs. */
const print = (lines: string[]) => lines.forEach((line) => console.log(line));

console.log(`Benchmarks: ${[...only].join(', ')}`);
const compile = only.has('compile') ? await compileSpeed() : undefined;
print(platformFigureLines({ compile }));
// The SMS figures need no Temporal; they go before anything leaves the server busy.
const sms = only.has('chat') ? await smsSubmitBenchmark() : undefined;
// Email sending needs no Temporal either: the messaging service, PGlite and a loopback SMTP sink.
const emailSend = only.has('email-send') ? await emailSendBenchmarks() : undefined;
print(emailSendFigureLines(emailSend));
// The segment count needs no Temporal: PostgreSQL (or PGlite) and a million contacts.
const codeNode = only.has('code-node') ? await codeNodeBenchmark() : undefined;
const segmentCounts = only.has('segments') ? await segmentsBenchmark() : undefined;
print(segmentFigureLines(segmentCounts));
// Reports need PostgreSQL only (the quiet cluster by default, BENCH_REPORTS_DATABASE_URL).
const reportFigures = only.has('reports') ? await reportsBenchmark() : undefined;
// Contact import needs the database only.
const contactImport = only.has('import') ? await contactImportBenchmark() : undefined;
print(contactImportLines(contactImport));
// Flow analytics needs the database only: a million runs with their steps and messages.
const flowAnalyticsFigures = only.has('flow-analytics') ? await flowAnalyticsBenchmark() : undefined;
print(flowAnalyticsLines(flowAnalyticsFigures));
const server = needsTemporal ? await startDevServer({}) : undefined;
// The browser figures go first: after thousands of workflows the server stays busy for a while.
const builder = server && only.has('builder') ? await builderBenchmarks(server.address) : undefined;
print(platformFigureLines({ builder }));
const chat = server && only.has('chat') ? await inboundReplyBenchmark(server.address) : undefined;
const mail = server && only.has('mail') ? await mailAutoReplyBenchmark(server.address) : undefined;
if (mail) print(mailAutoReplyLines(mail));
const sendApi = server && only.has('send-api') ? await sendApiBenchmark(server.address) : undefined;
print(sendApiFigureLines(sendApi));
// Printed as measured (webhook-benchmark.ts); no BENCHMARKS.md section yet.
if (server && only.has('webhook')) await webhookBenchmark(server.address);
// Each campaign figure is printed as it is measured (campaign-sms-benchmark.ts).
const campaignFigures =
  server && only.has('campaigns') ? await campaignBenchmarks(server.address) : undefined;
const runs = server && only.has('workflows') ? await workflowThroughput(server.address) : undefined;
print(platformFigureLines({ runs }));
const runsList =
  server && only.has('runs-list')
    ? await runsListBenchmark(server.address, Number(process.env.BENCH_RUNS_LIST ?? 1_000_000))
    : undefined;
print(platformFigureLines({ runsList }));
// The voice figures go last and alone: hundreds of streaming calls load the whole machine.
const voice = server && only.has('voice') ? await voiceBenchmark(server.address) : undefined;
await server?.stop();
// The engines run last, each its own processes (Omniflow with its own Temporal server, n8n,
// Node-RED), with nothing of this run left loading the machine.
const engines = only.has('engines') ? await enginesBenchmark((line) => console.log(line)) : undefined;
if (engines?.skipped) console.log(`Engines comparison skipped: ${engines.skipped}`);
// A partial run (BENCH_ENGINES) is printed in the section's shape but not written over it.
if (engines?.partial) console.log(`Engines, ${engines.partial} (not written):\n${enginesReport(engines)}`);
// CPU per request with every run through Temporal and with instant runs, each on its own
// `omniflow dev`, the first the baseline of the second.
const instantCpu = only.has('instant-cpu')
  ? await instantCpuBenchmark((line) => console.log(line))
  : undefined;

const sections: BenchmarkSections = {};
if (runsMain && compile && builder && runs && runsList)
  sections.main = platformReport(compile, builder, runs, runsList);
else if (compile || builder || runs || runsList)
  console.log('The platform table is kept as it was: it is written only when all its figures ran together.');
if (sms && chat) sections.chat = chatReport(sms, chat);
if (voice) sections.voice = voiceReport(voice);
if (emailSend && mail) sections.email = emailReport(emailSend, mail);
if (segmentCounts) sections.segments = segmentsReport(segmentCounts);
if (codeNode) sections.codeNode = codeNodeReport(codeNode);
if (contactImport) sections.contactImport = contactImportReport(contactImport);
if (campaignFigures) sections.campaigns = campaignsReport(campaignFigures);
if (engines && !engines.skipped && !engines.partial) sections.engines = enginesReport(engines);
if (flowAnalyticsFigures) sections.flowAnalytics = flowAnalyticsReport(flowAnalyticsFigures);
if (reportFigures) sections.reports = reportsSection(reportFigures);
if (instantCpu) sections.instantRuns = instantCpuReport(instantCpu.figures, instantCpu.loadAverage);
const written = Object.keys(sections);
if (written.length > 0) {
  writeBenchmarksMd(new URL('../../BENCHMARKS.md', import.meta.url), sections);
  console.log(`Wrote BENCHMARKS.md (${written.join(', ')} section${written.length > 1 ? 's' : ''})`);
}
