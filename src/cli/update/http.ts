// One file of openstack/releases over HTTP(S), as `juno update --url` asks for it: Node's own fetch, a conditional
// request when an earlier answer left an ETag or a Last-Modified, a time limit on each request (the answer's
// body included), and a cap on its bytes, read as a stream and given up on at the cap rather than after it.
import { clip, oneLine } from '../../timeline/text.js';
import { DataError, RemoteError } from '../errors.js';
import { decodeText } from '../read.js';

/** What a server said of a file that lets the next request ask "only if changed". */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { status: 'ok'; text: string; validators: Validators }
  | { status: 'not-modified' }
  | { status: 'missing' };

export interface HttpLimits {
  /** For the whole of one request: connecting, the headers and the body. */
  timeoutMs: number;
  /** Bytes in one file; a larger answer is cut off and refused. */
  maxBytes: number;
}

/** Node's fetch, or a stand-in with its signature. */
export type Fetch = typeof globalThis.fetch;

/** "2 s", "1.5 s": a limit as the messages give it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Why a request failed, in words, from undici's error and its cause (an errno code or a message). */
function failure(error: unknown, limits: HttpLimits): string {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `no answer within ${seconds(limits.timeoutMs)}`;
  const cause = (error as { cause?: { code?: string; message?: string; name?: string } }).cause;
  if (cause?.name === 'TimeoutError') return `no answer within ${seconds(limits.timeoutMs)}`;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection closed before the whole file arrived';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `no answer within ${seconds(limits.timeoutMs)}`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the server's certificate is not valid (${cause.code})`;
  }
  const text = cause?.message ?? (error as Error | undefined)?.message ?? String(error);
  // undici says "terminated" for a body cut short, with "other side closed" as its cause.
  if (/terminated|other side closed|socket/i.test(text))
    return 'connection closed before the whole file arrived';
  return clip(oneLine(cause?.code ? `${cause.code}: ${text}` : text), 200);
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

/** The body, at most `maxBytes` of it: past that the stream is cancelled and the file refused. */
async function boundedBody(response: Response, url: string, maxBytes: number): Promise<Buffer> {
  const tooBig = () =>
    new DataError(`${url}: is larger than ${megabytes(maxBytes)}, more than any schedule needs`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
}

/**
 * Asks for `url`, conditionally when `known` holds validators from an earlier answer. A 404 (or 410) is a
 * missing file, not a failure: upstream has no schedule.yaml for the oldest series nor for a series not yet
 * published. Every other failure is a `RemoteError` (no answer, refused, cut short, another status), or a
 * `DataError` for an answer that is too large or not text, each naming the URL.
 */
export async function fetchFile(
  url: string,
  known: Validators | undefined,
  limits: HttpLimits,
  fetchImpl: Fetch = globalThis.fetch,
): Promise<Fetched> {
  const headers: Record<string, string> = { 'user-agent': 'juno (OpenStack release schedules)' };
  if (known?.etag) headers['if-none-match'] = known.etag;
  if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
  try {
    const response = await fetchImpl(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
    if (response.status === 304 && known) return { status: 'not-modified' };
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'missing' };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new RemoteError(
        `${url}: the server answered ${response.status} ${oneLine(response.statusText)}`.trim(),
      );
    }
    const text = decodeText(await boundedBody(response, url, limits.maxBytes), url);
    const validators: Validators = {};
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;
    return { status: 'ok', text, validators };
  } catch (error) {
    if (error instanceof DataError || error instanceof RemoteError) throw error;
    throw new RemoteError(`${url}: ${failure(error, limits)}`);
  }
}
