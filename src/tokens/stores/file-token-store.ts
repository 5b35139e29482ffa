import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isTokenStoreError, type TokenStore, tokenStoreError } from './token-store.js';

/** What the file holds: a format version and the entries by key. */
interface TokenFile {
  readonly version: 1;
  readonly entries: Record<string, unknown>;
}

type ReadOutcome = { readonly entries: Record<string, unknown> } | { readonly corrupt: string };

/** One queue per file, shared by every store on that path in this process, so read-modify-writes never interleave. */
const queues = new Map<string, Promise<void>>();

function withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous.then(task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path);
  });
  return run;
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : 'unknown error';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readTokenFile(path: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { entries: {} };
    throw tokenStoreError(`Could not read the token file ${path} (${codeOf(error)})`, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { corrupt: `The token file ${path} is corrupt or truncated (not valid JSON)` };
  }
  if (!isPlainObject(parsed) || parsed.version !== 1 || !isPlainObject(parsed.entries)) {
    return { corrupt: `The token file ${path} is not a cognito-flow token file (version 1)` };
  }
  return { entries: { ...parsed.entries } };
}

/** Writes the file atomically: a 0600 temporary file in the same directory, flushed, then renamed over it. */
async function writeTokenFile(path: string, entries: Record<string, unknown>): Promise<void> {
  const body: TokenFile = { version: 1, entries };
  const json = `${JSON.stringify(body, null, 2)}\n`;
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(json, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw tokenStoreError(`Could not write the token file ${path} (${codeOf(error)})`, error);
  }
}

async function removeTokenFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') {
      throw tokenStoreError(`Could not delete the token file ${path} (${codeOf(error)})`, error);
    }
  }
}

function toJsonValue(value: object): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    throw tokenStoreError('The value to store cannot be serialised as JSON', error);
  }
}

/** Rejects with a `TokenStore` error whatever `task` throws. */
async function guarded<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw isTokenStoreError(error) ? error : tokenStoreError('The token file store failed', error);
  }
}

/**
 * A {@link TokenStore} in one JSON file, for Node (CLIs, desktop apps, single-user services). Node only:
 * it uses `node:fs`, so it is not exported from the main `cognito-flow` entry.
 *
 * - Every write is atomic: the new content goes to a temporary file created with mode `0600` in the same
 *   directory, is flushed to disk, and is renamed over the file, so a reader (or a crash) never sees a
 *   half-written file. The directory is created with mode `0700` when missing.
 * - Writes from every store on the same path in this process are queued, so concurrent `set`s of different
 *   keys all land. Across processes each write is still atomic, but two processes writing different keys
 *   at the same instant may lose one key (last writer wins); give each process its own file if that matters.
 * - A corrupt or truncated file makes `get` reject with a `TokenStore` error (never a crash); the next
 *   `set` replaces it, and `delete` removes it. When the last key is deleted the file is removed.
 *
 * Methods reject with a `TokenStore` error on failure; a {@link cognito-flow!Session} turns that into an `Err`.
 *
 * @example
 * ```ts
 * import { homedir } from 'node:os';
 * const store = fileTokenStore(`${homedir()}/.my-cli/session.json`);
 * const session = auth.session(step.tokens, { store });
 * ```
 */
export function fileTokenStore(path: string): TokenStore {
  if (typeof path !== 'string' || path.trim() === '') {
    const invalid = () => Promise.reject(tokenStoreError('fileTokenStore needs a non-empty file path'));
    return { get: invalid, set: invalid, delete: invalid };
  }
  const file = resolve(path);
  return {
    get: (key) =>
      guarded(async () => {
        const read = await readTokenFile(file);
        if ('corrupt' in read) throw tokenStoreError(read.corrupt);
        return Object.hasOwn(read.entries, key) ? read.entries[key] : undefined;
      }),
    set: (key, value) =>
      guarded(async () => {
        const json = toJsonValue(value);
        await withLock(file, async () => {
          const read = await readTokenFile(file);
          const entries = 'corrupt' in read ? {} : read.entries;
          // defineProperty, not assignment: a key such as "__proto__" must stay an ordinary entry.
          Object.defineProperty(entries, key, {
            value: json,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          await writeTokenFile(file, entries);
        });
      }),
    delete: (key) =>
      guarded(() =>
        withLock(file, async () => {
          const read = await readTokenFile(file);
          if ('corrupt' in read) return removeTokenFile(file);
          if (!Object.hasOwn(read.entries, key)) return;
          delete read.entries[key];
          if (Object.keys(read.entries).length === 0) return removeTokenFile(file);
          return writeTokenFile(file, read.entries);
        }),
      ),
  };
}
