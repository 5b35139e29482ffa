import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
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

/** The largest token file read (bytes): a session's tokens take about 5 kB. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Refuses a directory other local users could write to (group- or world-writable): they could plant a
 * file or link where the tokens go. A missing directory is fine (it is created `0700`).
 */
async function checkDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(directory);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw tokenStoreError(`Could not inspect the directory ${directory} (${codeOf(error)})`, error);
  }
  if (!info.isDirectory()) {
    throw tokenStoreError(`${directory} is not a directory (a symbolic link is not followed)`);
  }
  if ((Number(info.mode) & 0o022) !== 0) {
    throw tokenStoreError(
      `Refusing the token directory ${directory}: other users can write to it (mode ${(Number(info.mode) & 0o777).toString(8)}); use a directory only you can write to`,
    );
  }
}

async function readTokenFile(path: string): Promise<ReadOutcome> {
  let text: string;
  try {
    // O_NOFOLLOW: a symbolic link planted at the path is an error (ELOOP), never followed.
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
      if (info.size > MAX_FILE_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { entries: {} };
    const reason = codeOf(error) === 'ELOOP' ? 'it is a symbolic link, which is not followed' : codeOf(error);
    throw tokenStoreError(`Could not read the token file ${path} (${reason})`, error);
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

/** How long a writer waits for another process's lock, and when a lock counts as abandoned. */
const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` holding `<path>.lock`, created exclusively (`O_CREAT | O_EXCL`, which never follows a
 * link), so that read-modify-writes of different processes never interleave and no write is lost. A lock
 * older than 30 s (its holder crashed) is removed; waiting longer than 10 s is a `TokenStore` error.
 */
async function withFileLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') {
        throw tokenStoreError(`Could not lock the token file ${path} (${codeOf(error)})`, error);
      }
      const held = await lstat(lock).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) {
        await unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) {
        throw tokenStoreError(`The token file ${path} stayed locked by another process (${lock})`);
      }
      await sleep(delay + Math.random() * delay);
    }
  }
  try {
    return await task();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/** Writes the file atomically: a 0600 temporary file in the same directory, flushed, then renamed over it. */
async function writeTokenFile(path: string, entries: Record<string, unknown>): Promise<void> {
  const body: TokenFile = { version: 1, entries };
  const json = `${JSON.stringify(body, null, 2)}\n`;
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
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
 * - Writes are serialised in this process (a queue per path) and across processes (an exclusive
 *   `<file>.lock`, removed after 30 s if its holder died): concurrent `set`s of different keys all land,
 *   whichever process makes them.
 * - A corrupt or truncated file makes `get`, `set` and `delete` reject with a `TokenStore` error (never a
 *   crash) and is never overwritten: move or delete it to start afresh. When the last key is deleted the
 *   file is removed.
 * - A directory other users can write to (group- or world-writable) is refused, and a symbolic link at the
 *   file's path is never followed (read with `O_NOFOLLOW`; written by creating a new file and renaming it).
 *   Files larger than 1 MiB are refused unread.
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
  const directory = dirname(file);
  /** In-process queue first, then the cross-process lock, around a read-modify-write. */
  const update = <T>(task: () => Promise<T>) =>
    withLock(file, async () => {
      await checkDirectory(directory);
      await mkdir(directory, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
        throw tokenStoreError(`Could not create the directory ${directory} (${codeOf(error)})`, error);
      });
      await checkDirectory(directory);
      return withFileLock(file, task);
    });
  const corrupt = (message: string) =>
    tokenStoreError(`${message}; it was left as it is: move or delete it to start afresh`);
  return {
    get: (key) =>
      guarded(async () => {
        await checkDirectory(directory);
        const read = await readTokenFile(file);
        if ('corrupt' in read) throw tokenStoreError(read.corrupt);
        return Object.hasOwn(read.entries, key) ? read.entries[key] : undefined;
      }),
    set: (key, value) =>
      guarded(async () => {
        const json = toJsonValue(value);
        await update(async () => {
          const read = await readTokenFile(file);
          // Never overwrite what cannot be read: the other entries in it would be lost silently.
          if ('corrupt' in read) throw corrupt(read.corrupt);
          const entries = read.entries;
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
        update(async () => {
          const read = await readTokenFile(file);
          if ('corrupt' in read) throw corrupt(read.corrupt);
          if (!Object.hasOwn(read.entries, key)) return;
          delete read.entries[key];
          if (Object.keys(read.entries).length === 0) return removeTokenFile(file);
          return writeTokenFile(file, read.entries);
        }),
      ),
  };
}
