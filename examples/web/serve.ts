/**
 * The web example in one command. By default it starts moto on loopback, provisions a user pool, an app
 * client without a secret, an identity pool and a bucket to list, builds the page and serves it:
 *
 *   npx tsx examples/web/serve.ts
 *
 * Open the printed URL, sign up (moto accepts any confirmation code), sign in, and see your claims and
 * AWS identity. Ctrl+C stops the page and moto.
 *
 * Against your own AWS pools instead (no moto), give their ids; the bucket and port are optional:
 *
 *   COGNITO_USER_POOL_ID=eu-west-1_AbC123 COGNITO_CLIENT_ID=… COGNITO_IDENTITY_POOL_ID=eu-west-1:… \
 *   WEB_BUCKET=my-bucket WEB_PORT=5173 npx tsx examples/web/serve.ts
 */
import { type MotoServer, startMoto } from '../support/moto-server.js';
import { provisionStack } from '../support/provision.js';
import { createDemoBucket, DEMO_BUCKET } from './demo-bucket.js';
import { letWebClientReadClaims } from './moto-workaround.js';
import { startWebExample, type WebExample, webConfigFor } from './server.js';

const env = process.env;
const port = env.WEB_PORT ? Number(env.WEB_PORT) : 0;
let moto: MotoServer | undefined;
let web: WebExample;
try {
  if (env.COGNITO_USER_POOL_ID && env.COGNITO_CLIENT_ID && env.COGNITO_IDENTITY_POOL_ID) {
    web = await startWebExample(
      {
        region: env.COGNITO_USER_POOL_ID.split('_')[0] ?? '',
        userPoolId: env.COGNITO_USER_POOL_ID,
        clientId: env.COGNITO_CLIENT_ID,
        identityPoolId: env.COGNITO_IDENTITY_POOL_ID,
        ...(env.WEB_BUCKET ? { bucket: env.WEB_BUCKET } : {}),
      },
      { port },
    );
    console.log(`Against AWS: user pool ${env.COGNITO_USER_POOL_ID}, app client ${env.COGNITO_CLIENT_ID}`);
  } else {
    moto = await startMoto();
    const stack = await provisionStack(moto.url);
    await letWebClientReadClaims(stack); // moto only: see moto-workaround.ts
    web = await startWebExample(webConfigFor(stack, DEMO_BUCKET), { port });
    await createDemoBucket(stack, new URL(web.url).origin);
    console.log(`moto (cognito-idp, cognito-identity, S3) on ${moto.url}`);
  }
} catch (error) {
  await moto?.stop();
  console.error(`The web example could not start: ${(error as Error).message}`);
  process.exit(1);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB gzip`;
const [app, ...chunks] = web.page.scripts;
console.log(`page script: app.js ${app ? kb(app.gzipBytes) : '?'} (no AWS SDK)`);
console.log(`loaded for the S3 listing: ${chunks.map((c) => `${c.name} ${kb(c.gzipBytes)}`).join(', ')}`);
console.log(`\n  Open ${web.url}\n\nCtrl+C stops it.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await web.close();
  await moto?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
