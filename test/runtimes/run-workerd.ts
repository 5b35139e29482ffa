import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { STORY_DIR, type StoryRun } from './run-script.js';
import type { StoryConfig, StoryReport } from './story.js';

/** Addresses the worker may fetch from: workerd's default (public only), or loopback and private ones too. */
export type WorkerdOutbound = 'public' | 'public-private-local';

/**
 * workerd's own config for the story worker. `globalOutbound` is a network service; moto listens on
 * 127.0.0.1, which workerd's default outbound (public addresses only) refuses, so the story needs
 * `public-private-local`. No compatibility flag is needed (no `nodejs_compat`: the bundle imports no `node:`
 * module).
 */
export function workerdConfig(compatibilityDate: string, outbound: WorkerdOutbound): string {
  const allow = outbound === 'public' ? '"public"' : '"public", "private", "local"';
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "story", worker = .storyWorker),
    (name = "outbound", network = (allow = [${allow}])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "story")],
);
const storyWorker :Workerd.Worker = (
  modules = [(name = "story.mjs", esModule = embed "story.mjs")],
  compatibilityDate = "${compatibilityDate}",
  globalOutbound = "outbound",
);
`;
}

/** The port workerd reports on its control fd for the `http` socket. */
function listenPort(control: Readable, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('workerd did not report its port in time')), timeoutMs);
    control.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n')) {
        try {
          const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
          if (event.event === 'listen' && event.socket === 'http' && typeof event.port === 'number') {
            clearTimeout(timer);
            resolve(event.port);
          }
        } catch {
          // a partial line: wait for the rest
        }
      }
    });
    control.once('close', () => reject(new Error('workerd closed its control fd without listening')));
  });
}

/**
 * Serves the story worker with workerd on a free loopback port, POSTs `config` to it and stops workerd (by
 * its pid). `wallMs` runs from spawn to the answer, so it includes workerd's start-up.
 */
export async function runWorkerd(
  binary: string,
  code: string,
  config: StoryConfig,
  options: { compatibilityDate: string; timeoutMs: number; outbound?: WorkerdOutbound },
): Promise<StoryRun> {
  const dir = join(STORY_DIR, `${process.pid}-${Date.now().toString(36)}-workerd`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'story.mjs'), code);
  await writeFile(
    join(dir, 'config.capnp'),
    workerdConfig(options.compatibilityDate, options.outbound ?? 'public-private-local'),
  );
  const started = performance.now();
  const child = spawn(binary, ['serve', 'config.capnp', '--control-fd=3'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: dir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  try {
    const control = child.stdio[3] as Readable;
    const port = await Promise.race([
      listenPort(control, options.timeoutMs),
      exited.then((code) => Promise.reject(new Error(`workerd exited (${code}): ${stderr.slice(0, 2000)}`))),
    ]);
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(config),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await answer.text();
    const wallMs = Math.round(performance.now() - started);
    let report: StoryReport | undefined;
    try {
      report = JSON.parse(text) as StoryReport;
    } catch {
      report = undefined;
    }
    return { kind: 'worker', report, status: answer.status, stdout: `${stdout}${text}`, stderr, wallMs };
  } finally {
    if (child.exitCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  }
}
