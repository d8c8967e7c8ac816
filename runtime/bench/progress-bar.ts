import cliProgress from 'cli-progress';

/** A progress bar on stderr; outside a terminal (CI logs) it prints one line when done. */
export function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total}`,
      stream: process.stderr,
      noTTYOutput: false,
      clearOnComplete: false,
    },
    cliProgress.Presets.legacy,
  );
  const tty = process.stderr.isTTY;
  if (tty) bar.start(total, 0);
  let done = 0;
  return {
    tick() {
      done++;
      if (tty) bar.increment();
    },
    done() {
      if (tty) bar.stop();
      else process.stderr.write(`${label}: ${done}/${total}\n`);
    },
  };
}
