import { Encoder as Base64Encoder } from 'nodemailer/lib/base64';
import { Encoder as QpEncoder } from 'nodemailer/lib/qp';

// A compiled nodemailer message written out in one synchronous pass, for the mails a campaign
// sends (texts, HTML, attachments held in memory). MimeNode.build writes the same bytes through
// a stream per node, per encoder and per newline stage, each stage a pipeline with its own
// AbortController: at 50,000 mails that machinery, not the MIME, was most of mailBytes' time and
// garbage. Anything else (raw sources, streams, files, URLs, custom transforms) is left to
// build(). mime-bytes.test.ts checks the bytes against build() for the same node.

/** The parts of nodemailer's MimeNode this reads (its own fields; the typings leave them out). */
interface MimeNodeParts {
  childNodes: MimeNodeParts[];
  multipart: string | false;
  boundary: string;
  content?: unknown;
  contentType?: string;
  _raw?: unknown;
  _transforms: unknown[];
  _processFuncs: unknown[];
  getTransferEncoding(): string | false;
  buildHeaders(): string;
}

interface EncoderSteps {
  _transform(chunk: Buffer, encoding: string, done: (error?: Error | null) => void): void;
  _flush(done: (error?: Error | null) => void): void;
  push(chunk: unknown, encoding?: BufferEncoding): boolean;
}

/** The message's bytes as build() with `newline: 'windows'` makes them, or undefined when it cannot. */
export function mimeBytes(root: unknown): Buffer | undefined {
  const node = root as MimeNodeParts;
  if (node._transforms.length > 0 || node._processFuncs.length > 0) return undefined;
  const out: Buffer[] = [];
  if (!writeNode(node, out)) return undefined;
  return windowsNewlines(withLastNewline(Buffer.concat(out)));
}

function writeNode(node: MimeNodeParts, out: Buffer[]): boolean {
  if (node._raw) return false;
  const content = node.content;
  if (content && typeof content !== 'string' && !Buffer.isBuffer(content)) return false;
  // buildHeaders first: it settles the transfer encoding (and the root's Date and Message-ID).
  const transferEncoding = node.getTransferEncoding();
  out.push(Buffer.from(`${node.buildHeaders()}\r\n\r\n`));
  if (content) {
    const bytes: Buffer = typeof content === 'string' ? Buffer.from(content) : (content as Buffer);
    if (transferEncoding === 'base64') out.push(encodeWith(new Base64Encoder(), bytes));
    else if (transferEncoding === 'quoted-printable')
      out.push(encodeWith(new QpEncoder({ binary: !/^text\//i.test(node.contentType || '') }), bytes));
    else out.push(bytes);
  }
  if (!node.multipart) return true;
  for (const [i, child] of node.childNodes.entries()) {
    out.push(Buffer.from(`${i > 0 ? '\r\n' : ''}--${node.boundary}\r\n`));
    if (!writeNode(child, out)) return false;
  }
  out.push(Buffer.from(`\r\n--${node.boundary}--\r\n`));
  return true;
}

/** The encoder's own steps, run on the whole content at once: the very bytes its stream would give. */
function encodeWith(encoder: unknown, bytes: Buffer): Buffer {
  const steps = encoder as EncoderSteps;
  const chunks: Buffer[] = [];
  let failure: Error | undefined;
  steps.push = (chunk, encoding) => {
    if (chunk !== null && chunk !== undefined)
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : (chunk as Buffer));
    return true;
  };
  const done = (error?: Error | null) => {
    if (error) failure = error;
  };
  if (bytes.length > 0) steps._transform(bytes, 'buffer', done);
  steps._flush(done);
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

// nodemailer's LastNewline: a message ends with a line break.
function withLastNewline(message: Buffer): Buffer {
  const last = message.at(-1);
  if (last === 0x0a) return message;
  return Buffer.concat([message, Buffer.from(last === 0x0d ? '\n' : '\r\n')]);
}

// nodemailer's LeWindows: every lone LF becomes CRLF.
function windowsNewlines(message: Buffer): Buffer {
  let lone = 0;
  for (let i = 0; i < message.length; i++) if (message[i] === 0x0a && message[i - 1] !== 0x0d) lone++;
  if (lone === 0) return message;
  const out = Buffer.allocUnsafe(message.length + lone);
  let at = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === 0x0a && message[i - 1] !== 0x0d) out[at++] = 0x0d;
    out[at++] = message[i]!;
  }
  return out;
}
