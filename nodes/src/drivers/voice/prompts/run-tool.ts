import { spawn } from 'node:child_process';
import { PromptError, type PromptErrorCode } from './prompt-error.ts';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs an audio tool to completion. A missing binary (ENOENT) becomes a PromptError naming the
 * Debian package, so an operator reads `apt-get install espeak-ng`, not `spawn ENOENT`.
 */
export function runTool(
  binary: string,
  args: readonly string[],
  options: { stdin?: string; debianPackage: string; unavailableCode: PromptErrorCode },
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        // Enough to read an answer or explain a failure; a chattering tool must not grow memory.
        if (output[stream].length < 16384) output[stream] += chunk;
      });
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new PromptError(
            options.unavailableCode,
            `${binary} is not installed; install the Debian package: apt-get install ${options.debianPackage}`,
            options.debianPackage,
          ),
        );
      } else reject(error);
    });
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: output.stdout, stderr: output.stderr.trim() }),
    );
    // A tool that exits before reading all its input closes the pipe: that is its answer, not ours.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
  });
}
