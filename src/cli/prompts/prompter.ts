import input from '@inquirer/input';
import password from '@inquirer/password';
import select from '@inquirer/select';
import { usageError } from '../cli-error.js';
import { type CliIo, writeLine } from '../io.js';

/** A choice offered by {@link Prompter.choose}. */
export interface Choice<T extends string> {
  readonly value: T;
  readonly name: string;
}

/**
 * Gets every answer a sign-in needs: from a flag, an environment variable or stdin when the caller
 * has one (`preset`), otherwise from a prompt on the terminal (on stderr; secrets never echoed). With
 * no terminal to ask on (stdin is not a TTY, or `--non-interactive`), a missing answer is a usage
 * error that names the flag or variable to set, instead of a hang.
 */
export class Prompter {
  readonly #io: CliIo;
  readonly #interactive: boolean;

  constructor(io: CliIo, options: { readonly nonInteractive?: boolean } = {}) {
    this.#io = io;
    this.#interactive = Boolean(io.stdin.isTTY) && !options.nonInteractive;
  }

  /** Whether answers may be asked for on the terminal. */
  get interactive(): boolean {
    return this.#interactive;
  }

  /** Writes a line of information for the user (stderr). */
  note(line = ''): void {
    writeLine(this.#io.stderr, line);
  }

  #context() {
    return { input: this.#io.stdin, output: this.#io.stderr };
  }

  #missing(what: string, hint: string): never {
    throw usageError(`${what} is needed but there is no terminal to ask on: ${hint}`);
  }

  /** A secret (password, code): the preset, or typed without echo. */
  async secret(message: string, preset: string | undefined, hint: string): Promise<string> {
    if (preset !== undefined) return preset;
    if (!this.#interactive) this.#missing(message, hint);
    return password({ message, validate: (value) => value.length > 0 || 'Required' }, this.#context());
  }

  /** A new secret, typed twice without echo (the preset is taken as is). */
  async newSecret(message: string, preset: string | undefined, hint: string): Promise<string> {
    if (preset !== undefined) return preset;
    for (;;) {
      const first = await this.secret(message, undefined, hint);
      const again = await this.secret('Repeat it', undefined, hint);
      if (first === again) return first;
      this.note('The two entries differ; try again.');
    }
  }

  /** A plain answer (user name, attribute value): the preset, or typed with echo. */
  async text(message: string, preset: string | undefined, hint: string): Promise<string> {
    if (preset !== undefined) return preset;
    if (!this.#interactive) this.#missing(message, hint);
    return input({ message, required: true }, this.#context());
  }

  /** One of `choices`: the preset (which must be one of them), the only choice, or a menu. */
  async choose<T extends string>(
    message: string,
    choices: readonly Choice<T>[],
    preset: string | undefined,
    hint: string,
  ): Promise<T> {
    if (preset !== undefined) {
      const chosen = choices.find((choice) => choice.value === preset);
      if (!chosen) {
        throw usageError(
          `${message}: "${preset}" is not offered here (choose ${choices.map((c) => c.value).join(', ')})`,
        );
      }
      return chosen.value;
    }
    const [only, ...others] = choices;
    if (only && others.length === 0) return only.value;
    if (!this.#interactive) this.#missing(message, hint);
    return select(
      { message, choices: choices.map((c) => ({ value: c.value, name: c.name })) },
      this.#context(),
    );
  }
}
