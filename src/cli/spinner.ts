import type { ResultAsync } from 'neverthrow';
import yoctoSpinner from 'yocto-spinner';

/**
 * Shows a spinner on `stream` while `work` runs, only when `stream` is a terminal (never in pipes or
 * logs), and clears it when the work settles. Ctrl+C while it spins restores the cursor and exits 130.
 */
export async function withSpinner<T, E>(
  stream: NodeJS.WriteStream,
  text: string,
  work: ResultAsync<T, E>,
): Promise<Awaited<ResultAsync<T, E>>> {
  if (!stream.isTTY) return work;
  const spinner = yoctoSpinner({ text, stream }).start();
  try {
    return await work;
  } finally {
    spinner.stop();
  }
}
