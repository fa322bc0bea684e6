// The process's own standard output and error, and ending the process once they are written. main() only sees
// an OutputStream (../io.ts); these are the real ones, made for a short command that writes once:
// - stdout and stderr to a file, pipe or socket are written with fs.writeSync (stdout from one reused buffer): no
//   stream is created (creating process.stdout or process.stderr loads Node's stream modules, and for a pipe
//   node:net too), and large output is not copied for each piece;
// - a closed pipe ends juno quietly, and any other failure to write is exit 4 with one line on stderr;
// - once everything is written the process exits at once, rather than letting Node tear down the heap first.
import { fstatSync, writeSync } from 'node:fs';
import { writeFailureWords } from '../errno.js';
import { EXIT } from '../errors.js';
import type { OutputStream } from '../io.js';

// EBADF: stdout open only for reading (`juno schedule 1<file`). A closed stdout (`>&-`) never shows: Node opens
// /dev/null in its place before any of juno runs, read-write, just as Python's DEVNULL and Node's `stdio: 'ignore'`
// do, so it cannot be told from output a caller chose to discard.

/**
 * A closed pipe (`juno schedule | head -1`) means the reader has what it wanted: stop quietly. A socket whose
 * reader closed it with output still unread reports ECONNRESET rather than EPIPE; it means the same. Any other
 * failure to write stdout (a full disk) is exit 4 with one line on stderr, never a stack trace.
 */
function quietOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ECONNRESET') process.exit(process.exitCode ?? EXIT.ok);
  const reason = writeFailureWords(error) ?? `error ${error.code ?? 'writing'}`;
  try {
    writeSync(2, `juno: standard output: cannot write: ${reason}\n`);
  } catch {
    // Nobody left to tell; the exit code still says it.
  }
  process.exit(EXIT.output);
}

/** Failing to write stderr itself: nobody left to tell, the exit code still says it. */
const stderrFailed = () => process.exit(process.exitCode || EXIT.output);

/** Streams created so far: output still queued in one of them must be written before the process ends. */
const created: NodeJS.WriteStream[] = [];

/** process.stdout or process.stderr, created on first use: creating one loads Node's stream modules. */
function processStream(name: 'stdout' | 'stderr'): () => NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  return () => {
    if (!stream) {
      stream = process[name];
      created.push(stream);
      // When stderr itself cannot be written there is nobody left to tell; the exit code still says it.
      stream.on('error', name === 'stdout' ? quietOnClosedPipe : stderrFailed);
    }
    return stream;
  };
}

/**
 * stdout. When it is a file, a pipe or a socket (never a terminal), text goes straight to the descriptor with
 * `fs.writeSync`, which needs no stream; a descriptor that cannot take more now (EAGAIN) hands the rest, and
 * everything after it, to process.stdout. Terminals and devices go through process.stdout.
 */
export function standardOutput(): OutputStream {
  const stream = processStream('stdout');
  return isFileOrPipe(1) ? descriptorOutput(stream) : streamOutput(stream);
}

function isFileOrPipe(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFile() || info.isFIFO() || info.isSocket();
  } catch {
    return false;
  }
}

/**
 * Writes `bytes[0, length)` to descriptor `fd` and returns how many bytes it took: fewer than `length` only when
 * the descriptor would block (EAGAIN). Any other failure goes to `failed`, which ends the process.
 */
function writeToDescriptor(
  fd: number,
  bytes: Uint8Array,
  length: number,
  failed: (error: NodeJS.ErrnoException) => void,
): number {
  let offset = 0;
  while (offset < length) {
    try {
      offset += writeSync(fd, bytes, offset, length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') failed(error as NodeJS.ErrnoException);
      return offset;
    }
  }
  return length;
}

function streamOutput(stream: () => NodeJS.WriteStream): OutputStream {
  return {
    get isTTY() {
      return stream().isTTY;
    },
    get columns() {
      return stream().columns;
    },
    write: (text) => {
      stream().write(text);
    },
  };
}

/**
 * Text is encoded into one reused buffer and written from there to descriptor 1: a Buffer made for each piece of
 * a large document cost four times as much as the encoding itself.
 */
function descriptorOutput(stream: () => NodeJS.WriteStream): OutputStream {
  let direct = true;
  const encoder = new TextEncoder();
  let staging: Uint8Array | undefined;
  /** Writes `bytes[0, length)`; false when the descriptor would block and the rest went to process.stdout. */
  const writeAll = (bytes: Uint8Array, length: number): boolean => {
    const sent = writeToDescriptor(1, bytes, length, quietOnClosedPipe);
    if (sent === length) return true;
    direct = false;
    stream().write(Buffer.from(bytes.subarray(sent, length)));
    return false;
  };
  return {
    isTTY: false,
    write: (text) => {
      if (!direct) {
        stream().write(text);
        return;
      }
      // Sized to the text (UTF-8 takes at most three bytes per UTF-16 unit), up to a piece of a large document.
      const want = Math.min(STAGING_BYTES, text.length * 3);
      if (staging === undefined || staging.length < want) staging = new Uint8Array(Math.max(want, 1024));
      let rest = text;
      for (;;) {
        const { read, written } = encoder.encodeInto(rest, staging);
        const sent = writeAll(staging, written);
        if (read >= rest.length) return;
        rest = rest.slice(read);
        if (!sent) {
          stream().write(rest);
          return;
        }
      }
    },
  };
}

/** Bytes encoded at a time: a piece of a large document (about 24,000 characters) in one write. */
const STAGING_BYTES = 128 * 1024;

/**
 * stderr. To a file, a pipe or a socket, each message goes straight to descriptor 2 with `fs.writeSync`; a
 * descriptor that would block (EAGAIN) hands the rest, and everything after it, to process.stderr, which
 * terminals and devices use from the start.
 */
export function standardError(): OutputStream {
  const stream = processStream('stderr');
  // Most runs write nothing on stderr: what it is (a terminal, a file, a pipe) is asked on first use.
  let chosen: OutputStream | undefined;
  const choose = () => {
    // A terminal's width too: `juno update` fits its progress line to it.
    chosen ??= isFileOrPipe(2) ? descriptorError(stream) : streamOutput(stream);
    return chosen;
  };
  return {
    get isTTY() {
      return choose().isTTY;
    },
    get columns() {
      return choose().columns;
    },
    write: (text) => choose().write(text),
  };
}

/** stderr when it is a file, a pipe or a socket: each message goes straight to the descriptor (see stdout's). */
function descriptorError(stream: () => NodeJS.WriteStream): OutputStream {
  let direct = true;
  return {
    isTTY: false,
    write: (text) => {
      if (!direct) {
        stream().write(text);
        return;
      }
      const bytes = Buffer.from(text);
      const sent = writeToDescriptor(2, bytes, bytes.length, stderrFailed);
      if (sent < bytes.length) {
        direct = false;
        stream().write(bytes.subarray(sent));
      }
    },
  };
}

/**
 * Sets the exit code and ends the process. Left to itself, Node would first tear down the heap, which takes
 * longer than a short command's own work. A stream reports a failed write on a later tick, so with streams in use
 * this waits a turn of the event loop; output still queued in one (a pipe that would block) keeps the process
 * alive until it is written, as usual.
 */
export function exitWhenWritten(code: number): void {
  process.exitCode = code;
  if (created.length === 0) process.exit(code);
  else
    setImmediate(() => {
      if (created.every((stream) => stream.writableLength === 0)) process.exit(code);
    });
}
