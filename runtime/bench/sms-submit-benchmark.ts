import { openDb } from '@omniflow/db';
import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import { LoopbackSmsc, RawSmppSubmitter, type RawSubmit } from '@omniflow/nodes/drivers/sms/testing';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { sendOnlyFlow } from '../test/support/flows.ts';
import { seedRun } from '../test/support/seed-run.ts';
import { abbaRound } from './abba-round.ts';
import { median } from './median.ts';

// Per kind and round; each round sends it in two halves (A B B A).
const shortPerRound = 2 * Math.round(Number(process.env.BENCH_SMS_SHORT ?? 6000) / 2);
const longPerRound = 2 * Math.round(Number(process.env.BENCH_SMS_LONG ?? 600) / 2);
const rounds = Number(process.env.BENCH_SMS_ROUNDS ?? 4);
const serviceSends = Number(process.env.BENCH_SMS_SERVICE ?? 400);
// The driver's default window: both clients keep this many submit_sm unanswered, no more.
const window = 10;
const credentials = { systemId: 'omniflow', password: 'bench' };
const sender = '+34910000000';
// 459 GSM-7 characters: three concatenated parts of 153.
const longText = 'Recordatorio de su cita en la clinica, traiga su documento. '.repeat(8).slice(0, 459);

interface Sms {
  to: string;
  text: string;
}

/** A round's messages, short ones with long ones spread among them, every one to its own number. */
function messagesFor(round: number): Sms[] {
  const total = shortPerRound + longPerRound;
  const every = Math.floor(total / longPerRound);
  return Array.from({ length: total }, (_, i) => ({
    to: `+3460${String(round * total + i).padStart(7, '0')}`,
    text: i % every === every - 1 ? longText : `Su codigo de acceso es ${100000 + i}`,
  }));
}

/** The submit_sm the driver makes of each message, split by hand as 3GPP TS 23.040 says. */
function rawSubmitsOf(batch: Sms[]): RawSubmit[] {
  let reference = 0;
  return batch.flatMap(({ to, text }) => {
    if (text.length <= 160) return [{ source: sender, destination: to, text }];
    reference = (reference + 1) % 256;
    const total = Math.ceil(text.length / 153);
    return Array.from({ length: total }, (_, i) => ({
      source: sender,
      destination: to,
      text: text.slice(i * 153, (i + 1) * 153),
      udh: Buffer.from([0x05, 0x00, 0x03, reference, total, i + 1]),
    }));
  });
}

export interface SmsSubmitFigures {
  /** Messages per second, median round. */
  driver: number;
  raw: number;
  ratio: number;
  ratios: number[];
  perRound: { driver: number; raw: number }[];
  rounds: number;
  messagesPerRound: number;
  partsPerRound: number;
  window: number;
  /** Through the messaging service (a `messages` row per send, PGlite), against raw in the same round. */
  service: { sends: number; service: number; raw: number; ratio: number };
}

/**
 * Messages/s submitted through SmppDriver.send to the loopback SMSC against the same messages
 * submitted by a bare `smpp` session with the same window, same SMSC, same process, in
 * alternating rounds. The driver writes nothing to a database here: this is the driver's rate.
 */
export async function smsSubmitBenchmark(): Promise<SmsSubmitFigures> {
  const smsc = await LoopbackSmsc.start(credentials);
  const driver = new SmppDriver({
    ...smsc.address,
    ...credentials,
    sourceAddress: sender,
    windowSize: window,
    // No pacing: the loopback SMSC meters no account, and the raw client paces nothing either.
    // A real account's messagesPerSecond caps the driver, not the code under test.
    messagesPerSecond: Infinity,
  });
  await driver.connect();
  const raw = await RawSmppSubmitter.connect({ ...smsc.address, ...credentials });
  let sendCount = 0;
  const send = {
    driver: async (batch: Sms[]) => {
      await Promise.all(batch.map((sms) => driver.send({ ...sms, idempotencyKey: `bench-${sendCount++}` })));
    },
    raw: (batch: Sms[]) => raw.submitAll(rawSubmitsOf(batch), window),
  };

  // Warm both paths (JIT, the sockets' buffers) outside the measurement.
  const warmUp = messagesFor(rounds).slice(0, 500);
  await send.driver(warmUp);
  await send.raw(warmUp);

  const perRound: { driver: number; raw: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const batch = messagesFor(round);
    const rates = await abbaRound(round, batch, ['raw', 'driver'] as const, send);
    perRound.push(rates);
    console.log(
      `SMS submit round ${round + 1}: driver ${rates.driver.toFixed(0)} msg/s, raw smpp ${rates.raw.toFixed(0)} msg/s`,
    );
  }

  const service = await serviceRate(driver, (batch) => send.raw(batch));
  await raw.close();
  await driver.close();
  await smsc.stop();
  // The median of the per-round ratios resists the drift of a shared machine better than a
  // ratio of medians.
  const ratios = perRound.map((r) => r.driver / r.raw);
  const sample = messagesFor(0);
  return {
    driver: median(perRound.map((r) => r.driver)),
    raw: median(perRound.map((r) => r.raw)),
    ratio: median(ratios),
    ratios,
    perRound,
    rounds,
    messagesPerRound: sample.length,
    partsPerRound: rawSubmitsOf(sample).length,
    window,
    service,
  };
}

/**
 * Short SMS sent the way a flow's sms.send activity does (a `messages` row written before the
 * driver is called and updated after, in embedded PGlite), `window` at a time, against the
 * raw client in the same round (raw, service, service, raw).
 */
async function serviceRate(driver: SmppDriver, rawSend: (batch: Sms[]) => Promise<void>) {
  const handle = await openDb({ dataDir: 'memory://' });
  const registry = await loadRegistry({});
  const seeded = await seedRun(handle.db, registry, sendOnlyFlow('Reminder', 'sms', 'Recordatorio'), {});
  const messaging = createMessagingService({ db: handle.db, drivers: { sms: driver } });
  const batch = messagesFor(rounds + 1)
    .filter((sms) => sms.text.length <= 160)
    .slice(0, serviceSends);
  let key = 0;
  const throughService = async (sms: Sms[]) => {
    let next = 0;
    const lane = async () => {
      while (next < sms.length) {
        const message = sms[next++]!;
        await messaging
          .forStep({ runId: seeded.runId, nodeId: 'tell', idempotencyKey: `${seeded.runId}:tell:${key++}` })
          .send('sms', message);
      }
    };
    await Promise.all(Array.from({ length: window }, lane));
  };
  await throughService(batch.slice(0, 50));
  const halves = [batch.slice(0, batch.length / 2), batch.slice(batch.length / 2)];
  const elapsed = { service: 0, raw: 0 };
  for (const [i, kind] of (['raw', 'service', 'service', 'raw'] as const).entries()) {
    const half = halves[i < 2 ? 0 : 1]!;
    const started = performance.now();
    await (kind === 'raw' ? rawSend(half) : throughService(half));
    elapsed[kind] += performance.now() - started;
  }
  await handle.close();
  const rates = {
    service: batch.length / (elapsed.service / 1000),
    raw: batch.length / (elapsed.raw / 1000),
  };
  return { sends: batch.length, ...rates, ratio: rates.service / rates.raw };
}
