import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stack } from '../integration/clients.js';

/** Reads the child's stdout until `pattern` matches (or it exits / `timeoutMs` passes). */
async function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.ts exited with ${code}:\n${output}`));
    });
  });
}

// moto_server's presence is what the global setup checked (stack is null when it is absent outside CI).
describe.skipIf(!stack)('npx tsx examples/web/serve.ts (the one command)', () => {
  it('starts moto, serves the page with the injected config and its script, prints the URL, and stops both on SIGTERM', async () => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'examples/web/serve.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    try {
      const [, motoUrl, pageUrl] = await waitForOutput(
        child,
        /moto \(cognito-idp, cognito-identity, S3\) on (\S+)[\s\S]*Open (http:\/\/127\.0\.0\.1:\d+\/)/,
        60_000,
      );
      const html = await (await fetch(pageUrl as string)).text();
      const config = JSON.parse(
        html.match(/<script type="application\/json" id="cognito-flow-config">(.*?)<\/script>/)?.[1] ??
          'null',
      );
      expect(config).toEqual({
        region: 'us-east-1',
        userPoolId: expect.stringMatching(/^us-east-1_/),
        clientId: expect.any(String),
        identityPoolId: expect.stringMatching(/^us-east-1:/),
        endpoint: motoUrl,
        bucket: 'cognito-flow-web-example',
      });
      const script = await fetch(new URL('app.js', pageUrl));
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await script.text()).length).toBeGreaterThan(10_000);
      expect((await fetch(new URL('nothing-here', pageUrl))).status).toBe(404);
      expect((await fetch(`${motoUrl}/moto-api/`)).ok).toBe(true);

      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      await expect(fetch(`${motoUrl}/moto-api/`)).rejects.toThrow();
      await expect(fetch(pageUrl as string)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
