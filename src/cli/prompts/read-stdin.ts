import { usageError } from '../cli-error.js';

const MAX_STDIN_BYTES = 1024 * 1024;

/**
 * Reads piped stdin: up to the first newline (`firstLine`) or to the end. Refuses a terminal (the flag
 * that asks for stdin is meant for pipes) and more than 1 MiB.
 */
export async function readStdin(
  stdin: NodeJS.ReadStream,
  flag: string,
  mode: 'firstLine' | 'all',
): Promise<string> {
  if (stdin.isTTY) throw usageError(`${flag} reads from a pipe, but stdin is a terminal`);
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const finish = (value: string) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (text.length > MAX_STDIN_BYTES) {
        stdin.off('data', onData);
        reject(usageError(`${flag}: stdin holds more than 1 MiB`));
        return;
      }
      const newline = text.indexOf('\n');
      if (mode === 'firstLine' && newline >= 0) finish(text.slice(0, newline).replace(/\r$/, ''));
    };
    const onEnd = () => finish(mode === 'firstLine' ? text.replace(/\r?\n$/, '') : text);
    const onError = (error: Error) => reject(usageError(`${flag}: cannot read stdin (${error.message})`));
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onError);
    stdin.resume();
  });
}
