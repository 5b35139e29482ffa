import qrcode from 'qrcode-terminal';

/** The otpauth URI as a QR code for the terminal (small, two rows per character). */
export function qrCodeFor(uri: string): string {
  let rendered = '';
  qrcode.generate(uri, { small: true }, (code) => {
    rendered = code;
  });
  return rendered;
}

/**
 * What the user sees to set up an authenticator app: the QR code of the otpauth URI, the URI and the
 * secret to type in by hand.
 */
export function totpSetupText(setup: { readonly uri: string; readonly secret: string }): string {
  return [
    'Scan this QR code with your authenticator app:',
    '',
    qrCodeFor(setup.uri),
    `Or enter the secret by hand: ${setup.secret}`,
    `otpauth URI: ${setup.uri}`,
  ].join('\n');
}
