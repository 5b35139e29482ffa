import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import type { JsonWebKeySet } from '../verify/jwks-source.js';
import { PROBE_PREFIX, type UserPoolProbe } from './auth-client-probe.js';
import {
  type CodeChallengeOptions,
  type NewPasswordOptions,
  newPasswordStage,
  type SmsMfaOptions,
  smsMfaStage,
  totpStage,
} from './challenge-stages.js';
import { type CognitoExceptionName, cognitoException } from './cognito-exception.js';
import { type IdentityPoolIssueOptions, identityPoolRules } from './identity-scenario.js';
import { type MockRule, type ScenarioContext, usernameOf } from './mock-rule.js';
import {
  type CognitoOperation,
  IDENTITY_POOL_COMMANDS,
  type IdentityPoolOperation,
  type OperationInput,
  USER_POOL_COMMANDS,
  type UserPoolOperation,
} from './mocked-operations.js';
import { matchesPartially, type PartialInput } from './partial-match.js';
import { type SignInTokenOptions, signInRules } from './sign-in-scenario.js';
import { type SignUpOptions, signUpRules } from './sign-up-scenario.js';
import type { SigningKey } from './signing-key.js';
import { unansweredCall } from './unanswered-call.js';

/**
 * Where and how often a {@link MockAssertions.failsWith} failure applies.
 *
 * @example
 * ```ts
 * cognito.failsWith('UserNotFoundException', { operation: 'InitiateAuth', username: 'ghost', times: 1 });
 * ```
 */
export interface FailureOptions<Op extends CognitoOperation = CognitoOperation> {
  /** Only this operation fails (default: every operation the mock answers). */
  readonly operation?: Op;
  /** Only calls about this user name fail (USERNAME of the auth parameters or challenge responses, or `Username`). */
  readonly username?: string;
  /** The exception's message (default: Cognito's usual wording). */
  readonly message?: string;
  /** Fail only this many times, then let older scenarios answer again (default: always). */
  readonly times?: number;
}

/**
 * What every mock offers: failures, what was sent, and clean-up.
 *
 * @example
 * ```ts
 * cognito.failsWith('TooManyRequestsException', { operation: 'InitiateAuth', times: 1 });
 * expect(cognito.calls('InitiateAuth')).toHaveLength(2);
 * cognito.restore();
 * ```
 */
export interface MockAssertions<Op extends CognitoOperation> {
  /** The key set that verifies every token this mock issues (give it to `TokenVerifier` as `jwks`). */
  readonly jwks: JsonWebKeySet;
  /**
   * Makes matching calls fail with Cognito's exception `name`, as the AWS SDK throws it. The newest
   * scenario or failure that matches a call answers it.
   */
  failsWith(name: CognitoExceptionName, options?: FailureOptions<Op>): this;
  /** The inputs sent for `operation`, oldest first, typed as the AWS SDK types them. */
  calls<K extends Op>(operation: K): readonly OperationInput<K>[];
  /** Whether some call of `operation` was sent with (at least) the fields of `expected`. */
  sent<K extends Op>(operation: K, expected?: PartialInput<OperationInput<K>>): boolean;
  /** Forgets every scenario, failure and recorded call; the mock stays installed. */
  reset(): void;
  /** Uninstalls the mock: the SDK clients send for real again. */
  restore(): void;
}

/**
 * The user-pool scenarios. Each answers with Cognito's own payloads, for USER_SRP_AUTH (the default
 * flow: a PASSWORD_VERIFIER challenge, then the client's claim), USER_PASSWORD_AUTH and
 * ADMIN_USER_PASSWORD_AUTH alike; successful sign-ins carry tokens signed by {@link MockAssertions.jwks}.
 *
 * @example
 * ```ts
 * cognito.signInSucceeds('carol', { claims: { email: 'carol@example.com' } });
 * cognito.signInRequiresTotp('bob', { code: '123456' });
 * ```
 */
export interface UserPoolScenarios {
  /** `username` signs in with any password and gets tokens. */
  signInSucceeds(username: string, options?: SignInTokenOptions): this;
  /** `username` must choose a new password (NEW_PASSWORD_REQUIRED), giving `requiredAttributes`, then gets tokens. */
  signInRequiresNewPassword(username: string, options?: NewPasswordOptions & SignInTokenOptions): this;
  /** `username` must enter an authenticator-app code (SOFTWARE_TOKEN_MFA), then gets tokens. */
  signInRequiresTotp(username: string, options?: CodeChallengeOptions & SignInTokenOptions): this;
  /** `username` must enter the code texted to them (SMS_MFA), then gets tokens. */
  signInRequiresSmsMfa(username: string, options?: SmsMfaOptions & SignInTokenOptions): this;
  /** `username` can sign up, confirm with a code, and auto sign in with the confirmation's session. */
  signUpSucceeds(username: string, options?: SignUpOptions): this;
}

/**
 * The identity-pool scenario.
 *
 * @example
 * ```ts
 * cognito.identityPoolIssues({ identityId: 'eu-west-1:11111111-2222-3333-4444-555555555555' });
 * ```
 */
export interface IdentityPoolScenarios {
  /** GetId answers the identity id and GetCredentialsForIdentity temporary AWS credentials. */
  identityPoolIssues(options?: IdentityPoolIssueOptions): this;
}

/**
 * A mocked user pool: `mockCognito(auth)` or `mockCognito(new CognitoIdentityProviderClient(...))`.
 *
 * @example
 * ```ts
 * const cognito: UserPoolMock = mockCognito(auth).signInSucceeds('carol');
 * ```
 */
export interface UserPoolMock extends MockAssertions<UserPoolOperation>, UserPoolScenarios {}

/**
 * A mocked identity pool: `mockCognito(pool)` or `mockCognito(new CognitoIdentityClient(...))`.
 *
 * @example
 * ```ts
 * const cognito: IdentityPoolMock = mockCognito(pool).identityPoolIssues();
 * ```
 */
export interface IdentityPoolMock extends MockAssertions<IdentityPoolOperation>, IdentityPoolScenarios {}

/**
 * Both services mocked for every SDK client instance: `mockCognito()`.
 *
 * @example
 * ```ts
 * const cognito: CognitoMock = mockCognito().signInSucceeds('carol').identityPoolIssues();
 * ```
 */
export interface CognitoMock
  extends MockAssertions<CognitoOperation>,
    UserPoolScenarios,
    IdentityPoolScenarios {}

/** What a mock is installed on. */
export interface MockTargets {
  // biome-ignore lint/suspicious/noExplicitAny: aws-sdk-client-mock accepts a client class or instance.
  readonly userPool?: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  readonly identityPool?: any;
  readonly userPoolId: () => Promise<string>;
  readonly key: SigningKey;
  /** This mock's probe of an AuthClient's user pool id. */
  readonly probe?: Pick<UserPoolProbe, 'username' | 'seen' | 'settled'>;
}

// biome-ignore lint/suspicious/noExplicitAny: the stubs serve several command types.
type AnyStub = AwsStub<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: command constructors differ in their input type.
type AnyCommand = new (input: any) => any;

const USER_POOL_OPERATIONS = new Set<string>(Object.keys(USER_POOL_COMMANDS));

/**
 * The mock behind {@link mockCognito}: one aws-sdk-client-mock stub per service, every operation routed
 * to the newest matching scenario rule.
 */
export class CognitoMockImpl implements CognitoMock {
  readonly #targets: MockTargets;
  readonly #stubs: AnyStub[] = [];
  readonly #context: ScenarioContext;
  /** Newest last; a budget is how many more calls the rule answers (shared by one failsWith's rules). */
  #rules: { rule: MockRule; budget: { left: number } }[] = [];
  #calls: { operation: CognitoOperation; input: unknown }[] = [];
  /** The class-wide stub that stands in until the probe finds the AuthClient's own SDK client. */
  #probedStub: AnyStub | undefined;
  /** The SDK's own `send`, for calls made after `restore()` while the probe is still on its way. */
  #originalSend: ((command: unknown) => Promise<unknown>) | undefined;
  /** `restore()` was called before the probe arrived: catch the probe, let everything else through. */
  #restoring = false;

  constructor(targets: MockTargets) {
    this.#targets = targets;
    this.#context = { userPoolId: targets.userPoolId, key: targets.key };
    if (targets.userPool) {
      this.#originalSend = CognitoIdentityProviderClient.prototype.send as (
        command: unknown,
      ) => Promise<unknown>;
      const stub = mockClient(targets.userPool);
      if (targets.probe) this.#probedStub = stub;
      this.#install(stub, USER_POOL_COMMANDS);
    }
    if (targets.identityPool) this.#install(mockClient(targets.identityPool), IDENTITY_POOL_COMMANDS);
  }

  get jwks(): JsonWebKeySet {
    return this.#targets.key.jwks;
  }

  signInSucceeds(username: string, options: SignInTokenOptions = {}): this {
    return this.#signIn(username, [], options);
  }

  signInRequiresNewPassword(username: string, options: NewPasswordOptions & SignInTokenOptions = {}): this {
    return this.#signIn(username, [newPasswordStage(options)], options);
  }

  signInRequiresTotp(username: string, options: CodeChallengeOptions & SignInTokenOptions = {}): this {
    return this.#signIn(username, [totpStage(options)], options);
  }

  signInRequiresSmsMfa(username: string, options: SmsMfaOptions & SignInTokenOptions = {}): this {
    return this.#signIn(username, [smsMfaStage(options)], options);
  }

  signUpSucceeds(username: string, options: SignUpOptions = {}): this {
    return this.#add(signUpRules(username, options, this.#context));
  }

  identityPoolIssues(options: IdentityPoolIssueOptions = {}): this {
    return this.#add(identityPoolRules(options));
  }

  failsWith(name: CognitoExceptionName, options: FailureOptions = {}): this {
    const { operation, username, message } = options;
    const times = options.times ?? Number.POSITIVE_INFINITY;
    const service = (op: CognitoOperation) => (USER_POOL_OPERATIONS.has(op) ? 'user-pool' : 'identity-pool');
    const fail = (op: CognitoOperation): MockRule => ({
      operation: op,
      matches: (input) => username === undefined || usernameOf(input) === username,
      answer: () => {
        throw cognitoException(name, { service: service(op), ...(message !== undefined ? { message } : {}) });
      },
    });
    const operations = operation
      ? [operation]
      : ([
          ...(this.#targets.userPool ? Object.keys(USER_POOL_COMMANDS) : []),
          ...(this.#targets.identityPool ? Object.keys(IDENTITY_POOL_COMMANDS) : []),
        ] as CognitoOperation[]);
    // One budget shared by all operations: `times: 1` fails the next call, whatever it is.
    const budget = { left: times };
    for (const op of operations) this.#rules.push({ rule: fail(op), budget });
    return this;
  }

  calls<K extends CognitoOperation>(operation: K): readonly OperationInput<K>[] {
    return this.#calls
      .filter((call) => call.operation === operation)
      .map((call) => call.input as OperationInput<K>);
  }

  sent<K extends CognitoOperation>(operation: K, expected?: PartialInput<OperationInput<K>>): boolean {
    return this.calls(operation).some((input) => expected === undefined || matchesPartially(input, expected));
  }

  reset(): void {
    this.#rules = [];
    this.#calls = [];
    for (const stub of this.#stubs) stub.resetHistory();
  }

  restore(): void {
    const pending = this.#probedStub;
    for (const stub of this.#stubs) if (stub !== pending) stub.restore();
    this.#stubs.length = 0;
    this.#rules = [];
    if (!pending) return;
    // The probe has not reached the SDK client yet (a device store or SECRET_HASH still at work): it must
    // never go out to the network, so the class-wide stub stays until the probe's sign-in has finished,
    // passing every other call through to the real `send`.
    this.#restoring = true;
    void this.#targets.probe?.settled.then(() => this.#releaseProbedStub());
  }

  /** Uninstalls the class-wide stub, unless another mock has replaced it meanwhile. */
  #releaseProbedStub(): AnyStub | undefined {
    const stub = this.#probedStub;
    this.#probedStub = undefined;
    if (!stub || CognitoIdentityProviderClient.prototype.send !== stub.send) return undefined;
    stub.restore();
    return stub;
  }

  #signIn(
    username: string,
    stages: Parameters<typeof signInRules>[0]['stages'],
    options: SignInTokenOptions,
  ): this {
    const tokens: SignInTokenOptions = {
      ...(options.claims ? { claims: options.claims } : {}),
      ...(options.groups ? { groups: options.groups } : {}),
      ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {}),
      ...(options.sub !== undefined ? { sub: options.sub } : {}),
    };
    return this.#add(signInRules({ username, stages, tokens }, this.#context));
  }

  #add(rules: readonly MockRule[]): this {
    for (const rule of rules) this.#rules.push({ rule, budget: { left: Number.POSITIVE_INFINITY } });
    return this;
  }

  #install(stub: AnyStub, commands: Readonly<Record<string, AnyCommand>>): void {
    this.#stubs.push(stub);
    stub.onAnyCommand().rejects(new Error('cognito-flow/testing: this mock does not answer that command'));
    for (const [operation, Command] of Object.entries(commands)) {
      stub.on(Command).callsFake((input: unknown, getClient: () => unknown) => {
        if (this.#restoring && !usernameOf(input)?.startsWith(PROBE_PREFIX)) {
          return this.#originalSend?.call(getClient(), new Command(input));
        }
        return this.#dispatch(operation as CognitoOperation, input, getClient);
      });
    }
  }

  /**
   * Moves the mock from every SDK client to `client`, the probed AuthClient's own — unless another mock
   * has replaced this one's class-wide stub meanwhile (that mock now answers).
   */
  #narrowTo(client: unknown): void {
    const released = this.#releaseProbedStub();
    if (!released || this.#restoring || !(client instanceof CognitoIdentityProviderClient)) return;
    this.#stubs.splice(this.#stubs.indexOf(released), 1);
    this.#install(mockClient(client), USER_POOL_COMMANDS);
  }

  async #dispatch(operation: CognitoOperation, input: unknown, getClient: () => unknown): Promise<unknown> {
    const username = usernameOf(input);
    if (operation === 'AdminInitiateAuth' && username?.startsWith(PROBE_PREFIX)) {
      // A probe (this mock's, or one of a mock this one replaced): never a user's call.
      if (username === this.#targets.probe?.username) {
        this.#targets.probe.seen(input);
        this.#narrowTo(getClient());
      }
      throw cognitoException('NotAuthorizedException');
    }
    this.#calls.push({ operation, input });
    for (let index = this.#rules.length - 1; index >= 0; index--) {
      const entry = this.#rules[index];
      if (
        !entry ||
        entry.rule.operation !== operation ||
        entry.budget.left <= 0 ||
        !entry.rule.matches(input)
      ) {
        continue;
      }
      entry.budget.left -= 1;
      return entry.rule.answer(input);
    }
    throw unansweredCall(operation, input);
  }
}
