import { consumesOnSuccess, provesNotProcessed } from './retry-policy.js';

/** Anything with an AWS SDK v3 client middleware stack. */
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

/** Where the original failure travels past the SDK's retry middleware. */
const HELD = Symbol('cognito-flow.heldFailure');

/**
 * Carries a failure past the SDK's retry middleware without being retried: no `$metadata`, no `code`,
 * no `cause`, no `$retryable` and a name the SDK does not know, so its retry strategy classes it as a
 * client error. The outer middleware unwraps it again, so callers never see it.
 */
class HeldFailure extends Error {
  readonly [HELD]: unknown;
  constructor(original: unknown) {
    super('cognito-flow: not retried (the request may have been processed)');
    this.name = 'CognitoFlowHeldFailure';
    this[HELD] = original;
  }
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
 * refused connections are still retried. Adds two middlewares to `client` (idempotent: applying it
 * twice replaces them) and returns the same client.
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
      } catch (failure) {
        if (consumesOnSuccess(operationOf(context), args.input) && !provesNotProcessed(failure)) {
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
          markSingleAttempt(failure[HELD]);
          throw failure[HELD];
        }
        throw failure;
      }
    },
    { step: 'initialize', priority: 'high', name: UNWRAP, override: true },
  );
  return client;
}
