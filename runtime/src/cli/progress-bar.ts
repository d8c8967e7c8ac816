import cliProgress from 'cli-progress';

/** A progress bar on stderr; outside a terminal (CI logs, pipes) it prints a line per change. */
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
  let reported = -1;
  return {
    tick() {
      done++;
      if (tty) bar.increment();
    },
    /** Sets how much is done (for work measured elsewhere, like a bulk job on the server). */
    update(value: number) {
      done = value;
      if (tty) bar.update(value);
      else if (value !== reported) {
        reported = value;
        process.stderr.write(`${label}: ${value}/${total}\n`);
      }
    },
    done() {
      if (tty) bar.stop();
      else if (done !== reported) process.stderr.write(`${label}: ${done}/${total}\n`);
    },
  };
}
