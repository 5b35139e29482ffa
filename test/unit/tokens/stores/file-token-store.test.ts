import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTokenStore } from '../../../../src/tokens/stores/file-token-store.js';

let directory: string;
let path: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cognito-flow-file-store-'));
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

describe('fileTokenStore', () => {
  it('gets what was set, per key; a missing file is simply empty', async () => {
    const store = fileTokenStore(path);
    expect(await store.get('tokens')).toBeUndefined();
    await store.set('tokens', { idToken: 'a' });
    await store.set('other', { n: 1 });
    expect(await store.get('tokens')).toEqual({ idToken: 'a' });
    expect(await fileTokenStore(path).get('other')).toEqual({ n: 1 });
  });

  it('writes the file with mode 0600 (and creates a missing directory with 0700)', async () => {
    const nested = join(directory, 'deep', 'er', 'session.json');
    await fileTokenStore(nested).set('tokens', { a: 1 });
    expect((await stat(nested)).mode & 0o777).toBe(0o600);
    expect((await stat(join(directory, 'deep', 'er'))).mode & 0o777).toBe(0o700);
  });

  it('replaces a world-readable file with a 0600 one on the next write', async () => {
    await writeFile(path, JSON.stringify({ version: 1, entries: {} }), { mode: 0o644 });
    await fileTokenStore(path).set('tokens', { a: 1 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('writes through a temporary file and rename: no temporary file is left behind', async () => {
    const store = fileTokenStore(path);
    for (let i = 0; i < 5; i += 1) await store.set('tokens', { i });
    expect(await readdir(directory)).toEqual(['session.json']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, entries: { tokens: { i: 4 } } });
  });

  it('a truncated file makes get reject with a TokenStore error', async () => {
    const store = fileTokenStore(path);
    await store.set('tokens', { idToken: 'secret-looking-token-value' });
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, 20));
    const error = await rejection(store.get('tokens'));
    expect(error.type).toBe('TokenStore');
    expect(error.message).toContain('corrupt or truncated');
    expect(error.message).not.toContain('secret-looking');
  });

  it('valid JSON that is not a token file is a TokenStore error too', async () => {
    await writeFile(path, JSON.stringify({ tokens: 'x' }));
    const error = await rejection(fileTokenStore(path).get('tokens'));
    expect(error).toMatchObject({ type: 'TokenStore' });
    expect(error.message).toContain('not a cognito-flow token file');
  });

  it('a corrupt file is never overwritten: set and delete reject with a TokenStore error and leave it as it is (regression: set dropped every other entry)', async () => {
    const store = fileTokenStore(path);
    const damaged = '{"version":1,"entries":{"other-user":{"refreshToken":"keep-me"},"tok';
    await writeFile(path, damaged);
    const onSet = await rejection(store.set('tokens', { a: 1 }));
    expect(onSet.type).toBe('TokenStore');
    expect(onSet.message).toMatch(/corrupt or truncated .*left as it is/);
    expect(await readFile(path, 'utf8')).toBe(damaged);
    const onDelete = await rejection(store.delete('tokens'));
    expect(onDelete.type).toBe('TokenStore');
    expect(await readFile(path, 'utf8')).toBe(damaged);
  });

  it('deleting the last key removes the file; deleting one of two keeps the other', async () => {
    const store = fileTokenStore(path);
    await store.set('a', { n: 1 });
    await store.set('b', { n: 2 });
    await store.delete('a');
    expect(await store.get('b')).toEqual({ n: 2 });
    await store.delete('missing');
    await store.delete('b');
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('an unreadable path (a directory) is a TokenStore error naming the cause', async () => {
    const inner = join(directory, 'a-directory');
    await mkdir(inner);
    const error = await rejection(fileTokenStore(inner).get('tokens'));
    expect(error.type).toBe('TokenStore');
    expect(error.message).toContain('ENOTFILE');
  });

  it('an empty path answers every call with a TokenStore error instead of throwing', async () => {
    const store = fileTokenStore('');
    expect((await rejection(store.get('x'))).type).toBe('TokenStore');
    expect((await rejection(store.set('x', {}))).type).toBe('TokenStore');
  });

  it('a value JSON cannot hold is a TokenStore error and leaves the file as it was', async () => {
    const store = fileTokenStore(path);
    await store.set('a', { n: 1 });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect((await rejection(store.set('b', cyclic))).type).toBe('TokenStore');
    expect(await store.get('a')).toEqual({ n: 1 });
  });

  it('keeps "__proto__" an ordinary key', async () => {
    const store = fileTokenStore(path);
    await store.set('__proto__', { n: 1 });
    expect(await store.get('__proto__')).toEqual({ n: 1 });
  });
});

describe('fileTokenStore under concurrent writers', () => {
  it('200 concurrent sets of different keys from two stores on the same file in one process all land', async () => {
    const a = fileTokenStore(path);
    const b = fileTokenStore(join(directory, '.', 'session.json'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).set(`key-${i}`, { i })));
    const { entries } = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(entries)).toHaveLength(200);
    expect(entries['key-123']).toEqual({ i: 123 });
  });

  it('three processes writing the same file never leave a torn file for a reader', async () => {
    const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
    const writer = fileURLToPath(new URL('./file-store-writer.ts', import.meta.url));
    const run = (id: string) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(tsx, [writer, path, id, '40'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.once('error', reject);
        child.once('exit', (code) =>
          code === 0 ? resolve(code) : reject(new Error(`writer ${id}: ${stderr}`)),
        );
      });
    const store = fileTokenStore(path);
    const writers = Promise.all(['1', '2', '3'].map(run));
    let done = false;
    void writers.finally(() => {
      done = true;
    });
    let reads = 0;
    while (!done) {
      const value = (await store.get('shared')) as { writer: string; i: number } | undefined;
      if (value !== undefined) expect(['1', '2', '3']).toContain(value.writer);
      reads += 1;
    }
    await writers;
    expect(reads).toBeGreaterThan(0);
    const final = (await store.get('shared')) as { i: number };
    expect(final.i).toBe(39);
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
