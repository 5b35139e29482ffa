import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTokenStore } from '../../../../src/tokens/stores/file-token-store.js';

let directory: string;
let path: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cognito-flow-file-safety-'));
  path = join(directory, 'session.json');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function rejection(promise: unknown): Promise<{ type: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { type: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('fileTokenStore refuses unsafe places', () => {
  it.each([0o777, 0o775, 0o1777])(
    'an existing directory with mode %o is refused for get, set and delete',
    async (mode) => {
      const shared = join(directory, 'shared');
      await mkdir(shared);
      await chmod(shared, mode);
      const store = fileTokenStore(join(shared, 'session.json'));
      for (const call of [store.get('t'), store.set('t', { a: 1 }), store.delete('t')]) {
        const error = await rejection(call);
        expect(error.type).toBe('TokenStore');
        expect(error.message).toMatch(/other users can write to it/);
      }
    },
  );

  it('a symbolic link planted at the file path is not followed on read', async () => {
    const elsewhere = join(directory, 'elsewhere.json');
    await writeFile(elsewhere, JSON.stringify({ version: 1, entries: { tokens: { planted: true } } }));
    await symlink(elsewhere, path);
    const error = await rejection(fileTokenStore(path).get('tokens'));
    expect(error).toMatchObject({ type: 'TokenStore', message: expect.stringMatching(/symbolic link/) });
  });

  it('a symbolic link planted at the file path is not followed on write: its target is untouched', async () => {
    const target = join(directory, 'victim.txt');
    await writeFile(target, 'do not overwrite');
    await symlink(target, path);
    const error = await rejection(fileTokenStore(path).set('tokens', { a: 1 }));
    expect(error.type).toBe('TokenStore');
    expect(await readFile(target, 'utf8')).toBe('do not overwrite');
  });

  it('a file over 1 MiB is refused unread', async () => {
    await writeFile(path, JSON.stringify({ version: 1, entries: { pad: 'x'.repeat(1_100_000) } }));
    const error = await rejection(fileTokenStore(path).get('pad'));
    expect(error).toMatchObject({ type: 'TokenStore', message: expect.stringContaining('EFBIG') });
  });
});

describe('fileTokenStore across processes', () => {
  it('4 processes writing 100 keys each: all 400 keys are in the file (regression: 236 of 400)', async () => {
    const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
    const writer = fileURLToPath(new URL('./file-store-key-writer.ts', import.meta.url));
    const run = (id: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(tsx, [writer, path, id, '100'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${id}: ${stderr}`))));
      });
    await Promise.all(['a', 'b', 'c', 'd'].map(run));
    const { entries } = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(entries)).toHaveLength(400);
  }, 120_000);
});
