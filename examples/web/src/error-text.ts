/** Any typed error of cognito-flow: a `type` tag and a message without secrets. */
export interface TypedError {
  readonly type: string;
  readonly message: string;
}

/** What the page tells the visitor for the errors they can cause; others show Cognito's message. */
const HINTS: Readonly<Record<string, string>> = {
  NotAuthorized: 'Wrong user name or password.',
  UserNotFound: 'There is no such user.',
  UserNotConfirmed: 'This account is not confirmed yet: enter the code we sent.',
  UsernameExists: 'That user name is already taken.',
  InvalidPassword: "The password does not meet the pool's policy.",
  CodeMismatch: 'That code is not the one we sent.',
  ExpiredCode: 'That code has expired: ask for a new one.',
  PasswordResetRequired: 'You must reset your password first.',
  LimitExceeded: 'Too many attempts: wait a little and try again.',
  TooManyRequests: 'Too many requests: wait a little and try again.',
  Network: 'Cannot reach the server.',
  SessionExpired: 'This sign-in took too long: start again.',
};

/**
 * The line the page shows for a typed error: a hint for the visitor, then the error's own type and message.
 *
 * @example
 * ```ts
 * errorText({ type: 'NotAuthorized', message: 'Incorrect username or password.' });
 * // 'Wrong user name or password. (NotAuthorized: Incorrect username or password.)'
 * ```
 */
export function errorText(error: TypedError): string {
  const hint = HINTS[error.type];
  return hint ? `${hint} (${error.type}: ${error.message})` : `${error.type}: ${error.message}`;
}
