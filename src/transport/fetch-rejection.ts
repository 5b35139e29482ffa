/**
 * What a runtime's `fetch` rejects with, read the same way everywhere. Browsers, Node, Bun and Deno reject a
 * network failure with a `TypeError` (which `mapSdkError` and the retry rule know); the others need reading:
 * - workerd (Cloudflare Workers) rejects with a plain `Error` ("Network connection lost.", "Network
 *   connection failed: …"): it becomes the `TypeError('fetch failed')` the other runtimes give, the
 *   original as its `cause`, so it is a retryable `Network` error there too;
 * - a runtime's own refusal to connect — Deno without `--allow-net` for the host (`NotCapable`, formerly
 *   `PermissionDenied`), workerd's outbound policy ("connecting to … is not allowed") — is a deployment's
 *   mistake that no retry mends: it is `denied`, with the runtime's words on what to allow.
 */

/** A failure to map and maybe retry as usual, or the runtime's refusal to connect (say what to allow). */
export type FetchRejection = { readonly failure: unknown } | { readonly denied: string };

/** Deno's permission errors (`Deno.errors.NotCapable` since Deno 2, `PermissionDenied` before). */
const DENO_DENIED = new Set(['NotCapable', 'PermissionDenied']);
/** workerd's network errors are plain `Error`s whose message starts so. */
const WORKERD_NETWORK = /^Network connection (lost|failed)\b/;
const WORKERD_DENIED = /^Network connection failed: connecting to \S+ is not allowed/;
/** The runtime's words are kept, shortened: they name a host and a flag, never a request's contents. */
const MAX_DETAIL = 300;

function fieldsOf(thrown: unknown): { name: string; message: string } {
  if (typeof thrown !== 'object' || thrown === null) return { name: '', message: '' };
  const { name, message } = thrown as { name?: unknown; message?: unknown };
  return {
    name: typeof name === 'string' ? name : '',
    message: typeof message === 'string' ? message.slice(0, MAX_DETAIL) : '',
  };
}

/**
 * Reads what one fetch attempt threw (the `fetch` call or reading its body).
 *
 * @example
 * ```ts
 * classifyFetchRejection(new Error('Network connection lost.')); // { failure: TypeError('fetch failed') }
 * ```
 */
export function classifyFetchRejection(thrown: unknown): FetchRejection {
  const { name, message } = fieldsOf(thrown);
  if (DENO_DENIED.has(name)) {
    return {
      denied: `the runtime denied network access (Deno: allow the endpoint's host with --allow-net): ${message}`,
    };
  }
  if (name === 'TypeError' || !WORKERD_NETWORK.test(message)) return { failure: thrown };
  if (WORKERD_DENIED.test(message)) {
    return {
      denied: `the runtime's outbound policy refused the connection (workerd: a private or loopback endpoint needs a globalOutbound network service that allows it): ${message}`,
    };
  }
  return { failure: new TypeError('fetch failed', { cause: thrown }) };
}
