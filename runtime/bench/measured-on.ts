import os from 'node:os';

/** "2026-11-21 (2 × AMD EPYC, 24 GiB, Node v20.20.2)": when and where a report's figures were taken. */
export function measuredOn(): string {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  return `${date} (${machine})`;
}
