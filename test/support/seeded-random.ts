/**
 * Deterministic pseudo-random bytes for reproducible "random" test cases: SHA-256 in counter mode
 * over a seed. Not for production use.
 */
import { createHash } from 'node:crypto';

/** A stream of bytes; each call returns the next `length` bytes. */
export type ByteStream = (length: number) => Uint8Array;

/**
 * @example
 * const random = seededRandom('case-1');
 * random(16); // the same 16 bytes on every run
 */
export function seededRandom(seed: string): ByteStream {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return (length: number) => {
    while (pool.length < length) {
      const block = createHash('sha256').update(`${seed}\u0000${counter++}`).digest();
      pool = Buffer.concat([pool, block]);
    }
    const out = new Uint8Array(pool.subarray(0, length));
    pool = pool.subarray(length);
    return out;
  };
}

/** A random integer in [0, max). */
export function randomInt(random: ByteStream, max: number): number {
  const bytes = random(6);
  let value = 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value % max;
}

/**
 * Code points from ASCII, Latin, combining marks (so NFC/NFD normalisation would change the text),
 * Greek, CJK, emoji (astral) and the occasional lone surrogate.
 */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x4e00, 0x9fff],
  [0x1f300, 0x1faff],
  [0xd800, 0xdfff],
];

/** A random string of `length` code points, unicode included. */
export function randomText(random: ByteStream, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const [low, high] = RANGES[randomInt(random, RANGES.length)] ?? [0x41, 0x5a];
    text += String.fromCodePoint(low + randomInt(random, high - low + 1));
  }
  return text;
}
