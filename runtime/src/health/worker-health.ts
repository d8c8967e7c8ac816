import type { Db } from '@omniflow/db';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { imapProbe } from './imap-probe.ts';
import { processProbe } from './process-probe.ts';
import { databaseAnswers, startProcessHealth } from './process-health.ts';
import { smppProbe } from './smpp-probe.ts';
import { smtpProbe } from './smtp-probe.ts';
import { whatsappProbe } from './whatsapp-probe.ts';

/** The flow worker's sampler: itself and the channels (its SMPP binds, SMTP, WhatsApp, IMAP). */
export function startWorkerHealth(
  db: Db,
  resolver: ChannelResolver,
  env: Record<string, string | undefined> = process.env,
) {
  const smpp = smppProbe(resolver);
  const sampler = startProcessHealth(
    db,
    [
      processProbe('worker', databaseAnswers(db)),
      smpp.probe,
      smtpProbe(db),
      whatsappProbe(db),
      imapProbe(db),
    ],
    env,
  );
  return {
    async stop() {
      smpp.detach();
      await sampler.stop();
    },
  };
}
