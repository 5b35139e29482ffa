import { cognitoException } from './cognito-exception.js';
import { field, type MockRule, type ScenarioContext, usernameOf } from './mock-rule.js';
import { passwordClaimProblem, passwordVerifierParameters } from './srp-challenge.js';
import { opaqueString } from './test-identifiers.js';
import { tokenLifecycle } from './token-lifecycle.js';

/**
 * The tokens a successful sign-in of a scenario returns (minted with the mock's key, for the app client
 * that signed in).
 *
 * @example
 * ```ts
 * cognito.signInSucceeds('carol', { claims: { email: 'carol@example.com' }, groups: ['admin'] });
 * ```
 */
export interface SignInTokenOptions {
  /** Extra ID-token claims (`email`, `custom:tenant`, …). */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** `cognito:groups` of both tokens. */
  readonly groups?: readonly string[];
  /** Token lifetime in seconds (default 3600). */
  readonly expiresIn?: number;
  /** The user's `sub` (default: stable per pool and user name). */
  readonly sub?: string;
}

/** A challenge Cognito asks after the password, and how it judges the answer. */
export interface ChallengeStage {
  readonly challenge: string;
  readonly parameters: (username: string) => Record<string, string>;
  /** The exception Cognito answers a wrong answer with, or undefined when the answer is accepted. */
  readonly problem: (responses: Readonly<Record<string, string | undefined>>) => Error | undefined;
}

/** A user whose password is accepted, then asked `stages` in turn, then signed in with `tokens`. */
export interface SignInScenario {
  readonly username: string;
  readonly stages: readonly ChallengeStage[];
  readonly tokens: SignInTokenOptions;
}

type Pending =
  | { readonly kind: 'verifier'; readonly secretBlock: string }
  | { readonly kind: 'stage'; readonly index: number };

const invalid = (message: string) => cognitoException('InvalidParameterException', { message });
const PASSWORD_FLOWS = new Set(['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);

/**
 * The rules that answer `scenario`'s sign-in as Cognito does, for USER_SRP_AUTH (a PASSWORD_VERIFIER
 * challenge, then the client's claim), USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH; sessions are
 * single use. The tokens issued then refresh, revoke and sign out globally (see {@link tokenLifecycle}).
 *
 * @example
 * ```ts
 * rules.push(...signInRules({ username: 'carol', stages: [], tokens: {} }, context));
 * ```
 */
export function signInRules(scenario: SignInScenario, context: ScenarioContext): MockRule[] {
  const sessions = new Map<string, Pending>();
  const used = new Set<string>();
  const { username } = scenario;
  const lifecycle = tokenLifecycle(username, scenario.tokens, context);

  const challenge = (pending: Pending, name: string, parameters: Record<string, string>) => {
    const session = opaqueString(700);
    sessions.set(session, pending);
    return { ChallengeName: name, Session: session, ChallengeParameters: parameters, $metadata: {} };
  };

  /** Where a sign-in goes once stage `index` is reached: the next challenge, or tokens. */
  const reach = async (index: number, clientId: string) => {
    const stage = scenario.stages[index];
    if (stage) return challenge({ kind: 'stage', index }, stage.challenge, stage.parameters(username));
    const minted = await lifecycle.issue(clientId);
    return { AuthenticationResult: minted.authenticationResult, ChallengeParameters: {}, $metadata: {} };
  };

  const initiate = (input: Record<string, unknown>) => {
    const flow = input.AuthFlow;
    const params = input.AuthParameters;
    const clientId = String(input.ClientId ?? '');
    if (flow === 'USER_SRP_AUTH') {
      if (!/^[0-9a-fA-F]+$/.test(field(params, 'SRP_A') ?? ''))
        throw invalid('Missing required parameter SRP_A');
      const parameters = passwordVerifierParameters(username);
      return challenge(
        { kind: 'verifier', secretBlock: parameters.SECRET_BLOCK ?? '' },
        'PASSWORD_VERIFIER',
        parameters,
      );
    }
    if (!field(params, 'PASSWORD')) throw invalid('Missing required parameter PASSWORD');
    return reach(0, clientId);
  };

  const respond = (input: Record<string, unknown>) => {
    const session = String(input.Session);
    const pending = sessions.get(session);
    if (!pending || used.has(session)) {
      throw cognitoException('NotAuthorizedException', {
        message: 'Invalid session for the user, session can only be used once.',
      });
    }
    used.add(session);
    const responses = (input.ChallengeResponses ?? {}) as Record<string, string | undefined>;
    const clientId = String(input.ClientId ?? '');
    if (pending.kind === 'verifier') {
      if (input.ChallengeName !== 'PASSWORD_VERIFIER')
        throw invalid('Invalid challenge name for this session');
      const problem = passwordClaimProblem(responses, pending.secretBlock);
      if (problem) throw invalid(problem);
      return reach(0, clientId);
    }
    const stage = scenario.stages[pending.index];
    if (!stage || input.ChallengeName !== stage.challenge)
      throw invalid('Invalid challenge name for this session');
    const problem = stage.problem(responses);
    if (problem) {
      // A wrong code leaves the session usable for another try, as Cognito does for MFA codes.
      if (problem.name === 'CodeMismatchException') used.delete(session);
      throw problem;
    }
    return reach(pending.index + 1, clientId);
  };

  const startsThisSignIn = (input: Record<string, unknown>) =>
    usernameOf(input) === username &&
    (input.AuthFlow === 'USER_SRP_AUTH' || PASSWORD_FLOWS.has(String(input.AuthFlow)));
  const continuesThisSignIn = (input: Record<string, unknown>) => sessions.has(String(input.Session));

  return [
    { operation: 'InitiateAuth', matches: startsThisSignIn, answer: initiate },
    { operation: 'AdminInitiateAuth', matches: startsThisSignIn, answer: initiate },
    { operation: 'RespondToAuthChallenge', matches: continuesThisSignIn, answer: respond },
    { operation: 'AdminRespondToAuthChallenge', matches: continuesThisSignIn, answer: respond },
    ...lifecycle.rules,
  ];
}
