/**
 * The web example in one command: starts moto on loopback, provisions a user pool, an app client without
 * a secret and an identity pool, builds the page and serves it with that config.
 *
 *   npx tsx examples/web/serve.ts
 *
 * Open the printed URL, sign up (moto accepts any confirmation code), sign in, and see your claims and
 * AWS identity. Ctrl+C stops the page and moto.
 */
import { startMoto } from '../support/moto-server.js';
import { provisionStack } from '../support/provision.js';
import { letWebClientReadClaims } from './moto-workaround.js';
import { startWebExample, webConfigFor } from './server.js';

const moto = await startMoto();
let web: Awaited<ReturnType<typeof startWebExample>> | undefined;
try {
  const stack = await provisionStack(moto.url);
  await letWebClientReadClaims(stack); // moto only: see moto-workaround.ts
  web = await startWebExample(webConfigFor(stack));
} catch (error) {
  await moto.stop();
  console.error(`The web example could not start: ${(error as Error).message}`);
  process.exit(1);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB gzip`;
const [app, ...chunks] = web.page.scripts;
console.log(`moto (cognito-idp, cognito-identity, S3) on ${moto.url}`);
console.log(
  `page script: app.js ${app ? kb(app.gzipBytes) : '?'}; on demand: ${chunks.map((c) => `${c.name} ${kb(c.gzipBytes)}`).join(', ')}`,
);
console.log(`\n  Open ${web.url}\n\nCtrl+C stops it.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await web?.close();
  await moto.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
