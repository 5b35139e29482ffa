const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
/** The WHATWG form serialiser's spelling (it also escapes `~`, `!`, `'`, `(`, `)`). */
const whatwgForm = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

/** btoa of UTF-8 text (btoa alone refuses characters above U+00FF). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Every spelling of the client secret a server may echo back: as is, URL-encoded (`%2B`, and `+` for
 * spaces in forms), and inside HTTP Basic credentials — `base64(id:secret)` with and without the RFC 6749
 * form-encoding, in base64 and base64url, with and without padding. Redacting all of them keeps an
 * echoing token endpoint from leaking the secret into an error message.
 *
 * @example
 * ```ts
 * redact(message, clientSecretEncodings('client', 'se/cr+et'));
 * ```
 */
export function clientSecretEncodings(clientId: string, secret: string | undefined): string[] {
  if (secret === undefined) return [];
  const basics = [
    base64Utf8(`${formEncode(clientId)}:${formEncode(secret)}`),
    base64Utf8(`${whatwgForm(clientId)}:${whatwgForm(secret)}`),
    base64Utf8(`${clientId}:${secret}`),
  ];
  const variants = basics.flatMap((b64) => {
    const url = b64.replace(/\+/g, '-').replace(/\//g, '_');
    return [b64, b64.replace(/=+$/, ''), url, url.replace(/=+$/, '')];
  });
  return [secret, encodeURIComponent(secret), formEncode(secret), whatwgForm(secret), ...variants];
}
