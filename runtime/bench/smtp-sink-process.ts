import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';

/** What the sink process answers once it has taken the mails asked for: how many carry a DKIM signature. */
interface Counts {
  mails: number;
  signed: number;
}

/**
 * A loopback SMTP sink in a process of its own, as a real relay is: the mails it takes cost the
 * benchmark's event loop nothing, so both paths are measured on their own sending alone.
 */
export async function startSinkProcess(): Promise<{
  port: number;
  counts(expected: number): Promise<Counts>;
  stop(): Promise<void>;
}> {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ['--sink'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  return {
    port: ready.port,
    async counts(expected) {
      child.send(expected);
      const [counts] = (await once(child, 'message')) as [Counts];
      return counts;
    },
    async stop() {
      child.kill();
      await once(child, 'exit');
    },
  };
}

if (process.argv.includes('--sink')) {
  const sink = await SmtpSink.start();
  process.on(
    'message',
    (expected: number) =>
      void sink.waitFor(expected).then(() =>
        process.send!({
          mails: sink.mails.length,
          signed: sink.mails.filter((m) => m.raw.includes('DKIM-Signature:')).length,
        }),
      ),
  );
  process.send!({ port: sink.port });
}
