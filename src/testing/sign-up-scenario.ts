import { cognitoException } from './cognito-exception.js';
import { field, type MockRule, type ScenarioContext, usernameOf } from './mock-rule.js';
import type { SignInTokenOptions } from './sign-in-scenario.js';
import { opaqueString, stableUuid } from './test-identifiers.js';
import { tokenLifecycle } from './token-lifecycle.js';

/**
 * Options of a sign-up scenario.
 *
 * @example
 * ```ts
 * cognito.signUpSucceeds('erin', { code: '246810', destination: 'e***@e***' });
 * ```
 */
export interface SignUpOptions extends SignInTokenOptions {
  /** Whether Cognito confirms the user at once (a pre-sign-up trigger auto-confirming). Default false. */
  readonly confirmed?: boolean;
  /** The only confirmation code accepted; any non-empty code when omitted. */
  readonly code?: string;
  /** Where the code goes, masked as Cognito reports it (default `e***@e***`). */
  readonly destination?: string;
  /** How the code is sent (default EMAIL). */
  readonly medium?: 'EMAIL' | 'SMS';
}

/**
 * The rules that answer a sign-up of `username` as Cognito does: SignUp (with the new user's sub, the
 * code delivery and a session), ConfirmSignUp and ResendConfirmationCode, and the auto sign-in
 * (InitiateAuth USER_AUTH with the confirmation session) that follows.
 *
 * @example
 * ```ts
 * rules.push(...signUpRules('erin', {}, context));
 * ```
 */
export function signUpRules(username: string, options: SignUpOptions, context: ScenarioContext): MockRule[] {
  const medium = options.medium ?? 'EMAIL';
  const delivery = {
    AttributeName: medium === 'EMAIL' ? 'email' : 'phone_number',
    DeliveryMedium: medium,
    Destination: options.destination ?? (medium === 'EMAIL' ? 'e***@e***' : '+*******1234'),
  };
  const lifecycle = tokenLifecycle(username, options, context);
  const signUpSessions = new Set<string>();
  const autoSignInSessions = new Set<string>();
  const mine = (input: unknown) => usernameOf(input) === username;
  return [
    {
      operation: 'SignUp',
      matches: mine,
      answer: async (input: Record<string, unknown>) => {
        if (!input.Password)
          throw cognitoException('InvalidParameterException', {
            message: 'Missing required parameter Password',
          });
        const session = opaqueString(300);
        signUpSessions.add(session);
        const pool = await context.userPoolId();
        return {
          UserConfirmed: options.confirmed === true,
          UserSub: options.sub ?? stableUuid(`${pool}/${username}`),
          ...(options.confirmed ? {} : { CodeDeliveryDetails: delivery }),
          Session: session,
          $metadata: {},
        };
      },
    },
    {
      operation: 'ResendConfirmationCode',
      matches: mine,
      answer: () => ({ CodeDeliveryDetails: delivery, $metadata: {} }),
    },
    {
      operation: 'ConfirmSignUp',
      matches: mine,
      answer: (input: Record<string, unknown>) => {
        const code = field(input, 'ConfirmationCode');
        if (!code)
          throw cognitoException('InvalidParameterException', {
            message: 'Missing required parameter ConfirmationCode',
          });
        if (options.code !== undefined && code !== options.code) {
          throw cognitoException('CodeMismatchException', {
            message: 'Invalid verification code provided, please try again.',
          });
        }
        const given = field(input, 'Session');
        if (given === undefined || !signUpSessions.has(given)) return { $metadata: {} };
        signUpSessions.delete(given);
        const session = opaqueString(300);
        autoSignInSessions.add(session);
        return { Session: session, $metadata: {} };
      },
    },
    {
      operation: 'InitiateAuth',
      matches: (input: Record<string, unknown>) =>
        mine(input) && input.AuthFlow === 'USER_AUTH' && typeof input.Session === 'string',
      answer: async (input: Record<string, unknown>) => {
        const session = String(input.Session);
        if (!autoSignInSessions.delete(session)) {
          throw cognitoException('NotAuthorizedException', {
            message: 'Invalid session for the user, session is expired.',
          });
        }
        const minted = await lifecycle.issue(String(input.ClientId ?? ''));
        return { AuthenticationResult: minted.authenticationResult, ChallengeParameters: {}, $metadata: {} };
      },
    },
    ...lifecycle.rules,
  ];
}
