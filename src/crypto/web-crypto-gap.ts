/**
 * What this runtime lacks of the WebCrypto that SRP and SECRET_HASH use, in words a user can act on, or
 * undefined when nothing is missing. Browsers offer `crypto.subtle` only in secure contexts (https:// pages
 * and localhost), so a page served over plain http:// from another host has `crypto.getRandomValues` and
 * no `crypto.subtle`.
 */
export function webCryptoGap(): string | undefined {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: unknown; subtle?: unknown } }).crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') return 'no crypto.getRandomValues';
  return webCrypto.subtle ? undefined : 'no crypto.subtle (browsers: https:// and localhost only)';
}
