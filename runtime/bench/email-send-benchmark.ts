import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { openDb } from '@omniflow/db';
import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import type { OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { createDkimKeyStore } from '../src/email/dkim-key-store.ts';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { emailLinksFromEnv } from '../src/email/email-links-from-env.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { sendOnlyFlow } from '../test/support/flows.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';
import { seedRun } from '../test/support/seed-run.ts';
import { abbaRound } from './abba-round.ts';
import { startSinkProcess } from './smtp-sink-process.ts';
import { median } from './median.ts';

// Per round; each round sends it in two halves (A B B A).
const perRound = 2 * Math.round(Number(process.env.BENCH_EMAIL_SENDS ?? 1000) / 2);
const rounds = Number(process.env.BENCH_EMAIL_ROUNDS ?? 3);
/** SMTP connections of both pools. */
const connections = Number(process.env.BENCH_EMAIL_CONNECTIONS ?? 5);
/** Sends in flight at once on both paths: a worker's concurrent activities (the SDK's default, 100). */
const inFlight = Number(process.env.BENCH_EMAIL_IN_FLIGHT ?? 100);
const from = 'avisos@omniflow.test';
// Embedded PGlite, and PostgreSQL too when one is named (a fresh database is made on it).
const postgresUrl = process.env.BENCH_EMAIL_DATABASE_URL ?? process.env.OMNIFLOW_TEST_DATABASE_URL;

type Mail = Omit<OutboundMessage, 'idempotencyKey'>;

const html = `<html><body><h1>Su cita</h1>${'<p>Le recordamos su cita en el centro de salud. Traiga su documento de identidad y la tarjeta sanitaria.</p>'.repeat(8)}</body></html>`;

function mailsFor(round: number): Mail[] {
  return Array.from({ length: perRound }, (_, i) => ({
    to: `persona${round * perRound + i}@example.org`,
    text: 'Le recordamos su cita en el centro de salud.',
    email: {
      subject: 'Recordatorio de su cita',
      html,
      marketing: true,
      unsubscribeUrl: `https://omniflow.test/u/${round}-${i}`,
    },
  }));
}

/** Runs `send` over the mails with `inFlight` lanes, as a worker's concurrent activities would. */
async function inLanes(mails: Mail[], send: (mail: Mail) => Promise<unknown>) {
  let next = 0;
  const lane = async () => {
    while (next < mails.length) await send(mails[next++]!);
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

export interface EmailSendFigures {
  /** Mails per second, median round: through the messaging service, and a bare nodemailer pool. */
  service: number;
  raw: number;
  ratio: number;
  ratios: number[];
  perRound: { service: number; raw: number }[];
  rounds: number;
  mailsPerRound: number;
  connections: number;
  inFlight: number;
  database: 'PGlite' | 'PostgreSQL';
}

/**
 * Mails/s through the whole send path (a `messages` row written before and updated after each
 * send, tracking links signed, the workspace's DKIM key opened and RSA-2048 signing, the
 * SmtpDriver's pool) into a loopback smtp-server sink, against the same mails sent by a bare
 * nodemailer pool with the same connection count, no database and no signing, in alternating
 * rounds: on embedded PGlite, then on PostgreSQL when one is named.
 */
export async function emailSendBenchmarks(): Promise<EmailSendFigures[]> {
  const figures = [await emailSendBenchmark(undefined)];
  if (postgresUrl) figures.push(await emailSendBenchmark(postgresUrl));
  return figures;
}

async function emailSendBenchmark(postgresUrl: string | undefined): Promise<EmailSendFigures> {
  const sink = await startSinkProcess();
  const fresh = postgresUrl ? await freshPostgresDatabase(postgresUrl) : undefined;
  const handle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  const registry = await loadRegistry({});
  const seeded = await seedRun(handle.db, registry, sendOnlyFlow('Recordatorio', 'sms', 'x'), {});
  const keyring = loadSecretKeyring({ OMNIFLOW_SECRET_KEY: randomBytes(32).toString('base64') });
  const dkim = createDkimKeyStore(handle.db, () => keyring);
  await dkim.save(seeded.workspaceId, { domain: 'omniflow.test', selector: 'bench' });
  const account = { host: '127.0.0.1', port: sink.port, fromAddress: from, maxConnections: connections };
  const driver = new SmtpDriver({ ...account, security: 'none' });
  const messaging = createMessagingService({
    db: handle.db,
    drivers: { email: driver },
    dkimKey: dkim.signingKey,
    // Marketing mail carries signed tracking and unsubscribe links, as in production.
    emailLinks: emailLinksFromEnv({ OMNIFLOW_PUBLIC_URL: 'https://omniflow.test' }, () => keyring),
  });
  const raw = nodemailer.createTransport({
    pool: true,
    host: account.host,
    port: account.port,
    ignoreTLS: true,
    maxConnections: connections,
    maxMessages: 1000,
  });
  let key = 0;
  const send = {
    service: (mails: Mail[]) =>
      inLanes(mails, (mail) =>
        messaging
          .forStep({ runId: seeded.runId, nodeId: 'tell', idempotencyKey: `${seeded.runId}:tell:${key++}` })
          .send('email', mail),
      ),
    raw: (mails: Mail[]) =>
      inLanes(mails, (mail) =>
        raw.sendMail({
          from,
          to: mail.to,
          subject: mail.email!.subject,
          text: mail.text,
          html: mail.email!.html,
          headers: {
            'List-Unsubscribe': `<${mail.email!.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }),
      ),
  };

  // Warm both paths (JIT, the pools' connections, PGlite) outside the measurement.
  const warmUp = mailsFor(rounds).slice(0, 100);
  await send.service(warmUp);
  await send.raw(warmUp);

  const figures: { service: number; raw: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const batch = mailsFor(round);
    const rates = await abbaRound(round, batch, ['raw', 'service'] as const, send);
    figures.push(rates);
    console.log(
      `email send (${fresh ? 'PostgreSQL' : 'PGlite'}) round ${round + 1}: send path ${rates.service.toFixed(0)} mails/s, raw nodemailer pool ${rates.raw.toFixed(0)} mails/s`,
    );
  }
  const expected = 2 * warmUp.length + rounds * perRound * 2;
  const { signed } = await sink.counts(expected);
  if (signed !== warmUp.length + rounds * perRound)
    throw new Error(`Expected every mail of the send path signed, found ${signed}`);
  raw.close();
  await driver.close();
  await handle.close();
  await fresh?.drop();
  await sink.stop();
  const ratios = figures.map((r) => r.service / r.raw);
  return {
    service: median(figures.map((r) => r.service)),
    raw: median(figures.map((r) => r.raw)),
    ratio: median(ratios),
    ratios,
    perRound: figures,
    rounds,
    mailsPerRound: perRound,
    connections,
    inFlight,
    database: fresh ? 'PostgreSQL' : 'PGlite',
  };
}

export function emailSendFigureLines(all: EmailSendFigures[] | undefined): string[] {
  return (all ?? []).map(
    (figures) =>
      `email send path ${figures.service.toFixed(0)} mails/s vs raw nodemailer pool ${figures.raw.toFixed(0)} mails/s → ratio ${figures.ratio.toFixed(2)} (goal ≥ 0.5; ${figures.rounds} rounds of ${figures.mailsPerRound}, ${figures.connections} connections, ${figures.inFlight} in flight, ${figures.database}; per-round ratios ${figures.ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
}
