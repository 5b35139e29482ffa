import { ResultAsync } from 'neverthrow';
import { mapSdkError } from '../errors/map-sdk-error.js';
import { inputSecrets } from './input-secrets.js';
import type { OperationShape, Transport } from './transport.js';

/** The part of an AWS SDK v3 client the seam uses. */
export interface SdkClientLike {
  // biome-ignore lint/suspicious/noExplicitAny: SDK clients overload `send` per command.
  send(command: any): Promise<any>;
}

/** An AWS SDK v3 command class. */
// biome-ignore lint/suspicious/noExplicitAny: command constructors differ in their input type.
export type CommandClass = new (input: any) => unknown;

/**
 * A {@link Transport} that sends AWS SDK v3 commands through `client` — the path that
 * aws-sdk-client-mock intercepts. `commands` maps each operation name to its command class. A failure
 * is mapped with `mapSdkError`, redacting the call's declared secrets and every secret of the input
 * (sessions, tokens, passwords, SECRET_HASH, …) from the message and the `cause`.
 *
 * @example
 * ```ts
 * const transport = sdkTransport<MyOps>(new CognitoIdentityClient({}), { GetId: GetIdCommand });
 * ```
 */
export function sdkTransport<Ops extends { [K in keyof Ops]: OperationShape }>(
  client: SdkClientLike,
  commands: { readonly [K in keyof Ops]: CommandClass },
): Transport<Ops> {
  return (operation, input, options) => {
    const Command = commands[operation];
    return ResultAsync.fromPromise(
      Promise.resolve().then(() => client.send(new Command(input))),
      (thrown) => mapSdkError(thrown, [...(options?.secrets ?? []), ...inputSecrets(input)]),
    );
  };
}
