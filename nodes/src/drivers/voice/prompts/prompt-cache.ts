import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SayOptions } from '../voice-driver.ts';
import { readWavInfo } from '../wav-info.ts';
import { PromptError } from './prompt-error.ts';
import { runTool } from './run-tool.ts';

export type UploadKind = 'wav' | 'mp3';

export interface PromptCacheOptions {
  /** Where prepared prompts live; created when missing. */
  dir: string;
  /** The binaries (default: found on PATH); tests point one at a missing path. */
  espeakBinary?: string;
  soxBinary?: string;
}

export interface PromptCache {
  /** A WAV of `text` spoken in `options.language`, synthesised once per distinct prompt. */
  say(text: string, options: SayOptions): Promise<string>;
  /** An uploaded WAV or MP3 (a file path or its bytes) as a prompt WAV, converted once per content. */
  convertUpload(input: string | Uint8Array, kind: UploadKind): Promise<string>;
  /** What the cache did so far: tests and metrics tell a hit from a synthesis with it. */
  readonly stats: { synthesised: number; converted: number; hits: number };
}

/**
 * The one format every prompt is stored in: 8 kHz, mono, 16-bit signed PCM. G.711 (µ-law and
 * A-law, ITU-T G.711) is 8 kHz mono, so a driver encodes these samples as they are, without
 * resampling on every call.
 */
export const promptSampleRate = 8000;
const soxOutputArgs = ['-r', String(promptSampleRate), '-c', '1', '-b', '16', '-e', 'signed-integer'];
// Part of every cache key: changing the output format (or its conversion) must not serve old files.
const formatVersion = 'pcm16-8k-mono-v1';
const engine = 'espeak-ng';

/**
 * espeak-ng names voices by lowercase language tags (`es`, `en-us`, `es-419`); BCP 47 is case
 * insensitive, so `es-ES` is the same language.
 */
function espeakVoiceOf(options: SayOptions): string {
  return (options.voice ?? options.language).trim().toLowerCase();
}

interface PreparedFiles {
  /** Where the finished prompt goes; moved into the cache once `make` resolves. */
  output: string;
  /** A scratch file in the cache folder, removed afterwards. */
  temp(suffix: string): string;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const lastLine = (text: string) => text.split('\n').filter(Boolean).at(-1) ?? '';

export function createPromptCache(options: PromptCacheOptions): PromptCache {
  const espeak = options.espeakBinary ?? 'espeak-ng';
  const sox = options.soxBinary ?? 'sox';
  const stats = { synthesised: 0, converted: 0, hits: 0 };
  // Concurrent requests for one prompt (many calls reaching the same menu) share one synthesis.
  const inflight = new Map<string, Promise<string>>();
  // Files are named by the hash of what they hold and never rewritten: once seen, a prompt needs
  // no disk check again (the next prompt after a key press is on the hot path).
  const known = new Set<string>();
  let soxFormats: Promise<string[]> | undefined;

  /** The file `name` in the cache folder, made by `make` (into `output`) unless it is there. */
  async function cached(name: string, make: (files: PreparedFiles) => Promise<void>) {
    const path = join(options.dir, name);
    if (known.has(path)) {
      stats.hits += 1;
      return path;
    }
    const running = inflight.get(path);
    if (running) {
      stats.hits += 1;
      return running;
    }
    const work = (async () => {
      if (await exists(path)) {
        stats.hits += 1;
        known.add(path);
        return path;
      }
      await mkdir(options.dir, { recursive: true });
      const temps: string[] = [];
      const tmp = (suffix: string) => {
        const file = join(options.dir, `.${randomUUID()}${suffix}`);
        temps.push(file);
        return file;
      };
      try {
        const output = tmp('.wav');
        await make({ output, temp: tmp });
        // Renamed into place whole, so another process sharing the folder never plays half a file.
        await rename(output, path);
        known.add(path);
        return path;
      } finally {
        await Promise.all(temps.map((file) => rm(file, { force: true })));
      }
    })();
    inflight.set(path, work);
    try {
      return await work;
    } finally {
      inflight.delete(path);
    }
  }

  async function toPromptFormat(
    input: string,
    output: string,
    inputType: UploadKind,
    code: 'say' | 'upload',
  ) {
    const run = await runTool(sox, ['-t', inputType, input, ...soxOutputArgs, output], {
      debianPackage: 'sox',
      unavailableCode: code === 'say' ? 'TTS_UNAVAILABLE' : 'AUDIO_CONVERTER_UNAVAILABLE',
    });
    if (run.code !== 0) {
      throw new PromptError(
        'AUDIO_INVALID',
        `This is not ${inputType === 'mp3' ? 'an MP3' : 'a WAV'} file sox can read (${lastLine(run.stderr)})`,
      );
    }
    const info = readWavInfo(await readFile(output));
    if (!info || info.dataBytes === 0) {
      throw new PromptError('AUDIO_INVALID', `The ${inputType.toUpperCase()} file holds no sound`);
    }
  }

  return {
    stats,

    async say(text, sayOptions) {
      const words = text.trim();
      if (!words) throw new PromptError('PROMPT_TEXT_EMPTY', 'There is no text to say');
      const voice = espeakVoiceOf(sayOptions);
      const key = sha256(JSON.stringify([formatVersion, engine, voice, sayOptions.language, words]));
      return cached(`${key}.wav`, async ({ output, temp }) => {
        const spoken = temp('.espeak.wav');
        // Text on stdin, never as an argument: a prompt starting with "-" is words, not an option.
        const run = await runTool(espeak, ['-v', voice, '--stdin', '-w', spoken], {
          stdin: words,
          debianPackage: 'espeak-ng',
          unavailableCode: 'TTS_UNAVAILABLE',
        });
        if (run.code !== 0) {
          throw /voice does not exist/i.test(run.stderr)
            ? new PromptError(
                'TTS_VOICE_UNKNOWN',
                `espeak-ng has no voice "${voice}" (language ${sayOptions.language}); see espeak-ng --voices`,
              )
            : new PromptError('TTS_UNAVAILABLE', `espeak-ng failed: ${lastLine(run.stderr)}`, 'espeak-ng');
        }
        await toPromptFormat(spoken, output, 'wav', 'say');
        stats.synthesised += 1;
      });
    },

    async convertUpload(input, kind) {
      const bytes = typeof input === 'string' ? await readFile(input) : input;
      const key = sha256(Buffer.concat([Buffer.from(`${formatVersion}:${kind}:`), bytes]));
      return cached(`upload-${key}.wav`, async ({ output, temp }) => {
        if (kind === 'mp3' && !(await soxReads('mp3'))) {
          throw new PromptError(
            'AUDIO_CONVERTER_UNAVAILABLE',
            'sox cannot read MP3 here; install the Debian package: apt-get install libsox-fmt-mp3',
            'libsox-fmt-mp3',
          );
        }
        const source = temp(`.upload.${kind}`);
        await writeFile(source, bytes);
        await toPromptFormat(source, output, kind, 'upload');
        stats.converted += 1;
      });
    },
  };

  /** Whether this sox has a handler for `type` (MP3 comes in a separate Debian package). */
  async function soxReads(type: string): Promise<boolean> {
    soxFormats ??= runTool(sox, ['-h'], {
      debianPackage: 'sox',
      unavailableCode: 'AUDIO_CONVERTER_UNAVAILABLE',
    }).then(
      (run) =>
        run.stdout
          .match(/AUDIO FILE FORMATS:(.*)/)?.[1]
          ?.trim()
          .split(/\s+/) ?? [],
      (error: unknown) => {
        soxFormats = undefined;
        throw error;
      },
    );
    return (await soxFormats).includes(type);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
