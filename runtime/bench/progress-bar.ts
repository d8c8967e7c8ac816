/** A one-line progress bar on stderr (plain lines when not a terminal, e.g. in CI logs). */
export function progressBar(label: string, total: number) {
  let done = 0;
  const tty = process.stderr.isTTY;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick() {
      done++;
      if (tty) draw();
    },
    done() {
      if (tty) process.stderr.write('\n');
      else process.stderr.write(`${label}: ${done}/${total}\n`);
    },
  };
}
