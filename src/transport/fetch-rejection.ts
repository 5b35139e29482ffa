/**
 * What a runtime's `fetch` rejects with, read the same way everywhere. Browsers, Node, Bun and Deno reject a
 * network failure with a `TypeError` (which `mapSdkError` and the retry rule know); the others need reading:
 * - workerd (Cloudflare Workers) rejects with a plain `Error` ("Network connection lost.", "Network
 *   connection failed: …"): it becomes the `TypeError('fetch failed')` the other runtimes give, the
 *   original as its `cause`, so it is a retryable `Network` error there too;
 * - a runtime's own refusal to connect — Deno without `--allow-net` for the host (`NotCapable`), workerd's
 *   outbound policy ("connecting to … is not allowed") — is a deployment's mistake that no retry mends: it
 *   is `denied`, with the runtime's words on what to allow.
 */

/** A failure to map and maybe retry as usual, or the runtime's refusal to connect (say what to allow). */
export type FetchRejection = { readonly failure: unknown } | { readonly denied: string };

/** workerd's network errors are plain `Error`s whose message starts so. */
const WORKERD_NETWORK = /^Network connection (lost|failed)\b/;

/**
 * Reads what one fetch attempt threw (the `fetch` call or reading its body). A refusal keeps the runtime's
 * words (shortened): they name a host and what to allow, never a request's contents.
 */
export function classifyFetchRejection(thrown: unknown): FetchRejection {
  const { name, message } = (thrown ?? {}) as { name?: unknown; message?: unknown };
  const text = String(message ?? '').slice(0, 300);
  // Deno 2's permission error (`Deno.errors.NotCapable`).
  if (name === 'NotCapable') return { denied: text };
  if (name === 'TypeError' || !WORKERD_NETWORK.test(text)) return { failure: thrown };
  if (text.endsWith(' is not allowed')) return { denied: `${text} (workerd: allow it in globalOutbound)` };
  return { failure: new TypeError('fetch failed', { cause: thrown }) };
}
