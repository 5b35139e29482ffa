import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { narrowError } from '../errors/narrow.js';
import type { ResolvedIdentityPoolConfig } from './config.js';
import { type AwsCredentials, credentialsFromResponse } from './credentials.js';
import { IDENTITY_ERRORS, type IdentityError } from './errors.js';
import type { IdentityPoolTransport } from './identity-transport.js';

/** What one credential exchange needs; built by {@link IdentityPool} from the caller's input. */
export interface ExchangePlan {
  /** Where the identity id of this user is remembered (undefined: not remembered). */
  readonly identityKey: string | undefined;
  /** An identity id to use as is (a developer identity, or a guest identity being signed in). */
  readonly givenIdentityId: string | undefined;
  /** When the given identity is gone, get the user's own with GetId (guest → signed in) instead of failing. */
  readonly fallBackFromGiven: boolean;
  readonly logins: Readonly<Record<string, string>> | undefined;
  readonly secrets: readonly string[];
  /** Enhanced flow: `CustomRoleArn`; basic flow: the role to assume (required). */
  readonly roleArn: string | undefined;
}

/** The configuration and seam an exchange runs with. */
export interface ExchangeContext {
  readonly config: ResolvedIdentityPoolConfig;
  readonly transport: IdentityPoolTransport;
}

/** Runs a store call (which may be synchronous, async, or throw) as a Result. */
export async function storeCall<T>(call: () => T | Promise<T>): Promise<Result<T, IdentityError>> {
  try {
    return ok(await call());
  } catch (thrown) {
    return err(makeError('Unexpected', 'The identity id store failed', { cause: thrown }));
  }
}

async function getId(context: ExchangeContext, plan: ExchangePlan): Promise<Result<string, IdentityError>> {
  const { config, transport } = context;
  const got = await transport(
    'GetId',
    { IdentityPoolId: config.identityPoolId, ...(plan.logins ? { Logins: { ...plan.logins } } : {}) },
    { secrets: plan.secrets },
  );
  if (got.isErr()) return err(narrowError(got.error, IDENTITY_ERRORS));
  if (!got.value?.IdentityId)
    return err(makeError('Unexpected', 'Cognito answered GetId without an IdentityId'));
  return ok(got.value.IdentityId);
}

function sessionName(identityId: string): string {
  const uuid = identityId.split(':')[1] ?? '';
  return `cognito-flow-${uuid.replace(/[^\w+=,.@-]/g, '')}`.slice(0, 64);
}

/** Basic flow: GetOpenIdToken, then STS AssumeRoleWithWebIdentity. */
async function basicCredentials(
  context: ExchangeContext,
  identityId: string,
  plan: ExchangePlan,
  roleArn: string,
): Promise<Result<AwsCredentials, IdentityError>> {
  const { transport } = context;
  const flow = context.config.basicFlow;
  const openId = await transport(
    'GetOpenIdToken',
    { IdentityId: identityId, ...(plan.logins ? { Logins: { ...plan.logins } } : {}) },
    { secrets: plan.secrets },
  );
  if (openId.isErr()) return err(narrowError(openId.error, IDENTITY_ERRORS));
  const token = openId.value?.Token;
  if (!token) return err(makeError('Unexpected', 'Cognito answered GetOpenIdToken without a Token'));
  const actualId = openId.value.IdentityId || identityId;
  const assumed = await transport(
    'AssumeRoleWithWebIdentity',
    {
      RoleArn: roleArn,
      RoleSessionName: flow?.roleSessionName ?? sessionName(actualId),
      WebIdentityToken: token,
      ...(flow?.durationSeconds !== undefined ? { DurationSeconds: flow.durationSeconds } : {}),
    },
    { secrets: [token, ...plan.secrets] },
  );
  if (assumed.isErr()) return err(narrowError(assumed.error, IDENTITY_ERRORS));
  const c = assumed.value;
  if (!c) return err(makeError('Unexpected', 'STS answered AssumeRoleWithWebIdentity without credentials'));
  return credentialsFromResponse(
    {
      IdentityId: actualId,
      Credentials: {
        AccessKeyId: c.accessKeyId,
        SecretKey: c.secretAccessKey,
        SessionToken: c.sessionToken,
        Expiration: c.expiration,
      },
    },
    actualId,
  );
}

async function credentialsFor(
  context: ExchangeContext,
  identityId: string,
  plan: ExchangePlan,
): Promise<Result<AwsCredentials, IdentityError>> {
  if (context.config.basicFlow) {
    if (!plan.roleArn) return err(makeError('InvalidConfig', 'The basic flow needs a role ARN'));
    return basicCredentials(context, identityId, plan, plan.roleArn);
  }
  const answer = await context.transport(
    'GetCredentialsForIdentity',
    {
      IdentityId: identityId,
      ...(plan.logins ? { Logins: { ...plan.logins } } : {}),
      ...(plan.roleArn ? { CustomRoleArn: plan.roleArn } : {}),
    },
    { secrets: plan.secrets },
  );
  if (answer.isErr()) return err(narrowError(answer.error, IDENTITY_ERRORS));
  return credentialsFromResponse(answer.value ?? {}, identityId);
}

/**
 * Exchanges logins (or nothing, for a guest) for credentials: the identity id comes from the plan,
 * the store, or GetId; a remembered (or carried-over guest) identity that Cognito reports as gone is
 * forgotten and GetId asked once. The identity id the credentials belong to is stored afterwards.
 *
 * @example
 * ```ts
 * const creds = await exchangeCredentials(context, { identityKey: 'guest', givenIdentityId: undefined, fallBackFromGiven: false, logins: undefined, secrets: [], roleArn: undefined });
 * ```
 */
export async function exchangeCredentials(
  context: ExchangeContext,
  plan: ExchangePlan,
): Promise<Result<AwsCredentials, IdentityError>> {
  const store = context.config.identityIdStore;
  const key = plan.identityKey;
  let identityId = plan.givenIdentityId;
  let source: 'given' | 'store' | 'fresh' = 'given';
  if (identityId === undefined && key !== undefined) {
    const stored = await storeCall(() => store.get(key));
    if (stored.isErr()) return err(stored.error);
    identityId = stored.value;
    source = 'store';
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (identityId === undefined) {
      const fresh = await getId(context, plan);
      if (fresh.isErr()) return err(fresh.error);
      identityId = fresh.value;
      source = 'fresh';
    }
    const credentials = await credentialsFor(context, identityId, plan);
    if (credentials.isErr()) {
      const gone = credentials.error.type === 'ResourceNotFound';
      if (gone && source === 'store' && key !== undefined) {
        // The remembered identity is gone (deleted or pool recreated): forget it and ask again.
        const deleted = await storeCall(() => store.delete(key));
        if (deleted.isErr()) return err(deleted.error);
        identityId = undefined;
        continue;
      }
      if (gone && source === 'given' && plan.fallBackFromGiven) {
        identityId = undefined;
        continue;
      }
      return err(credentials.error);
    }
    if (key !== undefined) {
      const saved = await storeCall(() => store.set(key, credentials.value.identityId));
      if (saved.isErr()) return err(saved.error);
    }
    return ok(credentials.value);
  }
  return err(makeError('Unexpected', 'Cognito kept reporting the identity as missing'));
}
