import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';

/** The largest JWKS read (bytes); a Cognito pool's is under 2 kB. */
export const JWKS_MAX_BYTES = 64 * 1024;
/** Redirects followed (same origin only). */
const MAX_REDIRECTS = 3;
/** The first and the longest wait after a failed fetch (doubling in between). */
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

/** Reads at most `limit` bytes of a body, failing (and cancelling the stream) past it. */
async function boundedBody(response: Response, url: string, limit: number): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) throw new NonRetryableFetchError(url, `The JWKS is over ${limit} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return new ArrayBuffer(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new NonRetryableFetchError(url, `The JWKS is over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body.buffer;
}

function isKeySet(body: ArrayBuffer): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys);
  } catch {
    return false;
  }
}

/** GET `url`, following up to {@link MAX_REDIRECTS} redirects that stay on its origin; others fail. */
async function download(url: string, timeoutMs: number): Promise<ArrayBuffer> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new FetchError(url, error instanceof Error ? error.message : String(error));
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      const next = location === null ? undefined : new URL(location, current);
      if (next?.origin !== origin) {
        throw new NonRetryableFetchError(url, 'The JWKS URL redirects to another origin: not followed');
      }
      current = next.href;
      continue;
    }
    // A browser hides manual redirects (status 0): nothing to follow there either.
    if (response.status !== 200) {
      throw new NonRetryableFetchError(url, `Status code is ${response.status}, expected 200`);
    }
    const body = await boundedBody(response, url, JWKS_MAX_BYTES);
    // Checked here, not only by aws-jwt-verify's parser, so that a broken answer (an HTML error page
    // served with 200) counts as a failed fetch and is backed off like one.
    if (!isKeySet(body)) throw new NonRetryableFetchError(url, 'The answer is not a JSON Web Key Set');
    return body;
  }
  throw new NonRetryableFetchError(url, `More than ${MAX_REDIRECTS} redirects`);
}

/**
 * The JWKS fetcher of `TokenVerifier`: one download at a time per URL (concurrent callers share it);
 * redirects followed only within the URL's origin (a redirect elsewhere could hand over someone
 * else's keys); the body read up to {@link JWKS_MAX_BYTES}; and a failure remembered with backoff
 * (1 s, doubling to 60 s): during an outage, verifications fail fast with the remembered error instead
 * of each fetching again. `fixedUrl` replaces the URL aws-jwt-verify derives from the issuer.
 *
 * @example
 * ```ts
 * new SimpleJwksCache({ fetcher: guardedFetcher(3000) });
 * ```
 */
export function guardedFetcher(timeoutMs: number, fixedUrl?: string, now: () => number = Date.now): Fetcher {
  const running = new Map<string, Promise<ArrayBuffer>>();
  const failures = new Map<string, { count: number; until: number; error: Error }>();
  return {
    fetch: (uri: string) => {
      const url = fixedUrl ?? uri;
      const failed = failures.get(url);
      if (failed && now() < failed.until) return Promise.reject(failed.error);
      let download$ = running.get(url);
      if (!download$) {
        download$ = download(url, timeoutMs).then(
          (body) => {
            failures.delete(url);
            return body;
          },
          (error: Error) => {
            const count = (failures.get(url)?.count ?? 0) + 1;
            const wait = Math.min(FIRST_BACKOFF_MS * 2 ** (count - 1), MAX_BACKOFF_MS);
            failures.set(url, { count, until: now() + wait, error });
            throw error;
          },
        );
        const settled = download$.finally(() => running.delete(url));
        settled.catch(() => undefined);
        running.set(url, download$);
      }
      // Each caller gets its own copy: aws-jwt-verify's parser may consume the buffer.
      return download$.then((body) => body.slice(0));
    },
  };
}
