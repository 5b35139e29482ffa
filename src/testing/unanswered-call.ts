import { usernameOf } from './mock-rule.js';

/** The AuthFlows the sign-in scenarios answer. */
const SCENARIO_FLOWS = new Set([
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'ADMIN_NO_SRP_AUTH',
]);

/** The builder call that would answer `operation` for `username`. */
function suggestion(operation: string, username: string | undefined): string {
  if (operation === 'GetId' || operation === 'GetCredentialsForIdentity')
    return 'cognito.identityPoolIssues()';
  if (username === undefined) return `cognito.failsWith('...', { operation: '${operation}' })`;
  return operation === 'SignUp'
    ? `cognito.signUpSucceeds('${username}')`
    : `cognito.signInSucceeds('${username}')`;
}

/**
 * The error a mock throws for a call no scenario answers (cognito-flow reports it as `Unexpected`), saying
 * what to add. Names only the operation, the flow and the user name: never a password, code or token.
 *
 * @example
 * ```ts
 * unansweredCall('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'dave' } }).message;
 * // 'cognito-flow/testing: no scenario answers InitiateAuth for "dave"; add one, e.g. cognito.signInSucceeds(\'dave\')'
 * ```
 */
export function unansweredCall(operation: string, input: unknown): Error {
  const username = usernameOf(input);
  const who = username === undefined ? '' : ` for "${username}"`;
  const flow =
    typeof input === 'object' && input !== null ? (input as { AuthFlow?: unknown }).AuthFlow : undefined;
  const message =
    typeof flow === 'string' && !SCENARIO_FLOWS.has(flow)
      ? `cognito-flow/testing: no scenario answers ${operation} (${flow.slice(0, 40)})${who}; the sign-in scenarios ` +
        'answer USER_SRP_AUTH, USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH — for this flow use ' +
        `cognito.failsWith('...', { operation: '${operation}' }), or aws-sdk-client-mock directly`
      : `cognito-flow/testing: no scenario answers ${operation}${who}; add one, e.g. ${suggestion(operation, username)}`;
  return Object.assign(new Error(message), { name: 'UnmockedCognitoCall' });
}
