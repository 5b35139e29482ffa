import { redactCause } from '../errors/redact-cause.js';
import { inputSecrets } from './input-secrets.js';
import { consumesOnSuccess, isTransientFailure, provesNotProcessed } from './retry-policy.js';

/**
 * Anything with an AWS SDK v3 client middleware stack (every SDK v3 client).
 *
 * @example
 * ```ts
 * const client: WithMiddlewareStack = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
 * ```
 */
export interface WithMiddlewareStack {
  readonly middlewareStack: {
    // biome-ignore lint/suspicious/noExplicitAny: the SDK overloads these per middleware step.
    add(middleware: any, options: any): void;
    // biome-ignore lint/suspicious/noExplicitAny: the SDK overloads these per middleware step.
    addRelativeTo(middleware: any, options: any): void;
  };
}

type Handler = (args: { readonly input?: unknown }) => Promise<unknown>;
interface HandlerContext {
  readonly commandName?: unknown;
}

/** Where the original failure travels past the SDK's retry middleware (not a property: loggers print those). */
const HELD = new WeakMap<Error, unknown>();

/**
 * Carries a failure past the SDK's retry middleware without being retried: no `$metadata`, no `code`,
 * no `cause`, no `$retryable` and a name the SDK does not know, so its retry strategy classes it as a
 * client error. The outer middleware unwraps it again, so callers never see it.
 */
class HeldFailure extends Error {
  constructor(original: unknown) {
    super(`cognito-flow: not retried after ${describe(original)} (the request may have been processed)`);
    this.name = 'CognitoFlowHeldFailure';
    HELD.set(this, original);
  }
}

/** The failure's name, code and HTTP status — never its message, which may echo input. */
function describe(failure: unknown): string {
  const { name, code, $metadata } = (typeof failure === 'object' && failure !== null ? failure : {}) as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const status = $metadata?.httpStatusCode;
  return [
    typeof name === 'string' ? name : 'a failure',
    typeof code === 'string' ? `(${code})` : '',
    typeof status === 'number' ? `HTTP ${status}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const POLICY = 'cognitoFlowRetryPolicy';
const UNWRAP = 'cognitoFlowRetryPolicyUnwrap';

function operationOf(context: HandlerContext): string {
  const name = typeof context.commandName === 'string' ? context.commandName : '';
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : name;
}

/** Records on the original error that only one attempt was made, as the SDK does for its own failures. */
function markSingleAttempt(original: unknown): void {
  if (typeof original !== 'object' || original === null) return;
  const metadata = (original as { $metadata?: unknown }).$metadata;
  if (typeof metadata !== 'object' || metadata === null || !Object.isExtensible(metadata)) return;
  try {
    Object.assign(metadata, { attempts: 1, totalRetryDelay: 0 });
  } catch {
    // A frozen or exotic $metadata: the count is informative only.
  }
}

/**
 * Makes an AWS SDK v3 client follow cognito-flow's retry rule (the same as the fetch transport's): the SDK's own retry
 * strategy (attempts, backoff, retry quota) stays as configured for every operation, except that an
 * operation that consumes what it is sent — RespondToAuthChallenge, AdminRespondToAuthChallenge,
 * code confirmations, ChangePassword, … (see `consumesOnSuccess`) — is not sent again after a
 * failure that does not prove Cognito left it unprocessed (a reset, a time-out, a 5xx). Throttling and
 * refused connections are still retried. A failure whose message echoes a secret of the input (a
 * session, a password, a token) has it replaced by `[REDACTED]` before the SDK's logger sees it. Adds
 * two middlewares to `client` (idempotent: applying it twice replaces them) and returns the same client.
 *
 * cognito-flow applies it only to the clients it creates; an SDK client passed as `client` keeps its
 * own configuration — apply this yourself to give it the same rule.
 *
 * @example
 * ```ts
 * const client = withRetryPolicy(new CognitoIdentityProviderClient({ region: 'eu-west-1' }));
 * const auth = AuthClient.create({ userPoolId, clientId, client })._unsafeUnwrap();
 * ```
 */
export function withRetryPolicy<C extends WithMiddlewareStack>(client: C): C {
  // Inside the retry loop: runs once per attempt and decides whether the SDK may see this failure.
  client.middlewareStack.addRelativeTo(
    (next: Handler, context: HandlerContext) => async (args: { readonly input?: unknown }) => {
      try {
        return await next(args);
      } catch (thrown) {
        // Servers may echo input (moto puts an unknown session in its message): redact it before the
        // SDK logs the failure or hands it on.
        const failure = redactCause(thrown, inputSecrets(args.input));
        if (
          consumesOnSuccess(operationOf(context), args.input) &&
          isTransientFailure(failure) &&
          !provesNotProcessed(failure)
        ) {
          throw new HeldFailure(failure);
        }
        throw failure;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: POLICY, override: true },
  );
  // Outside the retry loop: hands the caller the original failure.
  client.middlewareStack.add(
    (next: Handler) => async (args: { readonly input?: unknown }) => {
      try {
        return await next(args);
      } catch (failure) {
        if (failure instanceof HeldFailure) {
          const original = HELD.get(failure);
          markSingleAttempt(original);
          throw original;
        }
        throw failure;
      }
    },
    { step: 'initialize', priority: 'high', name: UNWRAP, override: true },
  );
  return client;
}
