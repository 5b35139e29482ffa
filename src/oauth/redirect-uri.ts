/**
 * Why `value` is not usable as a redirect or sign-out URL (absolute — `https:`, `http://localhost` or an
 * app scheme such as `myapp://callback` — and without a fragment, RFC 6749 §3.1.2), or `undefined`.
 *
 * @example
 * ```ts
 * redirectUriProblem('https://app.example.com/callback'); // undefined
 * redirectUriProblem('/callback'); // 'is not an absolute URL'
 * ```
 */
export function redirectUriProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a URL string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  return url.hash === '' && !value.includes('#') ? undefined : 'has a fragment (#...)';
}

/**
 * Picks the URL to use: `given` when it is one of `registered` (or anything well-formed when none is
 * registered), else the first registered one; a description of the problem otherwise.
 *
 * @example
 * ```ts
 * chooseUrl(undefined, ['https://app.example.com/cb'], 'redirectUri'); // { url: 'https://app.example.com/cb' }
 * ```
 */
export function chooseUrl(
  given: unknown,
  registered: readonly string[],
  name: string,
): { readonly url: string } | { readonly problem: string } {
  if (given === undefined) {
    const first = registered[0];
    return first !== undefined
      ? { url: first }
      : { problem: `${name} is required (or configure a default in the client's ${name}s)` };
  }
  const problem = redirectUriProblem(given);
  if (problem) return { problem: `${name} ${problem}` };
  if (registered.length > 0 && !registered.includes(given as string)) {
    return { problem: `${name} is not one of the configured ${name}s` };
  }
  // Without a configured list, only https (or http to this machine) — never javascript:, data: or file:.
  if (registered.length === 0 && !isWebOrLoopback(new URL(given as string))) {
    return {
      problem: `${name} must be https (or http on localhost), unless it is in the configured ${name}s`,
    };
  }
  return { url: given as string };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https:`, or `http:` to a loopback host (RFC 8252 native-app redirects). */
function isWebOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}
