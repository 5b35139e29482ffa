import { performance } from 'node:perf_hooks';
import { cpuMs } from './cpu.js';
import { rotation } from './stats.js';

/** One contender of a throughput race: an operation run back to back for a time slice. */
export interface SliceContender {
  readonly name: string;
  /** One operation; `i` counts operations so a contender can cycle through inputs. */
  readonly op: (i: number) => Promise<unknown>;
  /** Operations per second of wall time, one entry per slice. */
  readonly opsPerSecond: number[];
  /** Process CPU ms per operation (all threads), one entry per slice. */
  readonly cpuMsPerOp: number[];
}

/**
 * A contender with empty sample lists.
 *
 * @example
 * ```ts
 * const c = sliceContender('noop', async () => {});
 * ```
 */
export function sliceContender(name: string, op: (i: number) => Promise<unknown>): SliceContender {
  return { name, op, opsPerSecond: [], cpuMsPerOp: [] };
}

async function runSlice(contender: SliceContender, sliceMs: number): Promise<void> {
  let count = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < sliceMs) {
    await contender.op(count);
    count += 1;
    elapsed = performance.now() - t0;
  }
  contender.cpuMsPerOp.push((cpuMs() - c0) / count);
  contender.opsPerSecond.push((count * 1000) / elapsed);
}

/**
 * Runs each contender for `sliceMs` per round, `rounds` times, rotating the order each round, after one
 * warm-up slice each (not recorded).
 *
 * @example
 * ```ts
 * await runSlices([sliceContender('a', opA), sliceContender('b', opB)], { rounds: 8, sliceMs: 500 });
 * ```
 */
export async function runSlices(
  contenders: readonly SliceContender[],
  options: { rounds: number; sliceMs: number },
): Promise<void> {
  for (const contender of contenders) await runSlice(contender, options.sliceMs);
  for (const contender of contenders) {
    contender.opsPerSecond.length = 0;
    contender.cpuMsPerOp.length = 0;
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const index of rotation(round, contenders.length)) {
      await runSlice(contenders[index] as SliceContender, options.sliceMs);
    }
  }
}
