import type { PreTokenGenerationTriggerHandler, PreTokenGenerationV2TriggerHandler } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  type PreTokenGenerationInput,
  type PreTokenGenerationV2Input,
  preTokenGeneration,
  preTokenGenerationV2,
  TriggerError,
} from '../../../src/triggers/index.js';
import { GROUPS, preTokenEvent, preTokenV2Event } from './cognito-events.js';

const response = async <E extends { response: unknown }>(run: Promise<E>) => (await run).response;

describe('preTokenGeneration (V1_0)', () => {
  it('adds and suppresses ID token claims, leaving the groups alone when not asked', async () => {
    const handler: PreTokenGenerationTriggerHandler = preTokenGeneration(() => ({
      addClaims: { tenant_id: 't-42', plan: 'pro' },
      suppressClaims: ['phone_number'],
    }));
    expect(await response(Promise.resolve(handler(preTokenEvent(), {} as never, () => undefined)))).toEqual({
      claimsOverrideDetails: {
        claimsToAddOrOverride: { tenant_id: 't-42', plan: 'pro' },
        claimsToSuppress: ['phone_number'],
      },
    });
  });

  it("passes the user's groups, roles and preferred role to the callback", async () => {
    let seen: PreTokenGenerationInput | undefined;
    await preTokenGeneration((input) => {
      seen = input;
      return {};
    })(preTokenEvent('TokenGeneration_RefreshTokens'));
    expect(seen).toMatchObject({
      triggerSource: 'TokenGeneration_RefreshTokens',
      groups: GROUPS.groupsToOverride,
      iamRoles: GROUPS.iamRolesToOverride,
      preferredRole: GROUPS.preferredRole,
    });
  });

  it('changes the groups while keeping the roles and preferred role it was not asked to change', async () => {
    const answered = await preTokenGeneration(({ groups }) => ({ groups: [...groups, 'beta'] }))(
      preTokenEvent(),
    );
    expect(answered.response.claimsOverrideDetails.groupOverrideDetails).toEqual({
      groupsToOverride: ['admins', 'staff', 'beta'],
      iamRolesToOverride: GROUPS.iamRolesToOverride,
      preferredRole: GROUPS.preferredRole,
    });
  });

  it('removes every group when asked for an empty list', async () => {
    const answered = await preTokenGeneration(() => ({ groups: [], iamRoles: [] }))(preTokenEvent());
    expect(answered.response.claimsOverrideDetails.groupOverrideDetails).toMatchObject({
      groupsToOverride: [],
      iamRolesToOverride: [],
    });
  });

  it('answers an empty claimsOverrideDetails for no change', async () => {
    expect((await preTokenGeneration(() => ({}))(preTokenEvent())).response).toEqual({
      claimsOverrideDetails: {},
    });
  });

  it.each([
    ['a reserved claim', { addClaims: { sub: 'someone-else' } }, 'cannot change the claim "sub"'],
    ['suppressing a reserved claim', { suppressClaims: ['exp'] }, 'cannot change the claim "exp"'],
    ['cognito:groups as a claim', { addClaims: { 'cognito:groups': 'admins' } }, 'use groups instead'],
    ['a non-string value (V1)', { addClaims: { seats: 5 } }, 'addClaims.seats must be a string'],
    ['a non-list suppressClaims', { suppressClaims: 'email' }, 'suppressClaims must be a list'],
    ['a non-string preferred role', { preferredRole: 1 }, 'preferredRole'],
  ])('refuses %s with a response TriggerError', async (_name, customization, fragment) => {
    const error = await preTokenGeneration(() => customization as never)(preTokenEvent()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TriggerError);
    expect((error as TriggerError).kind).toBe('response');
    expect((error as Error).message).toContain(fragment);
  });

  it('refuses a V2 event, whose answer it would give wrongly', async () => {
    await expect(preTokenGeneration(() => ({}))(preTokenV2Event() as never)).rejects.toThrow(
      /version is "2", not "1".*preTokenGenerationV2/,
    );
  });
});

describe('preTokenGenerationV2 (V2_0 / V3_0)', () => {
  it('changes both tokens: claims of any JSON type, scopes, and groups', async () => {
    const handler: PreTokenGenerationV2TriggerHandler = preTokenGenerationV2(({ groups }) => ({
      idToken: { addClaims: { tenant: 't-42', seats: 5, beta: true }, suppressClaims: ['phone_number'] },
      accessToken: {
        addClaims: { roles: groups, limits: { rpm: 100 } },
        addScopes: ['orders/read'],
        suppressScopes: ['aws.cognito.signin.user.admin'],
      },
      groups: ['admins'],
    }));
    const answered = await handler(preTokenV2Event(), {} as never, () => undefined);
    expect(answered.response).toEqual({
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: {
          claimsToAddOrOverride: { tenant: 't-42', seats: 5, beta: true },
          claimsToSuppress: ['phone_number'],
        },
        accessTokenGeneration: {
          claimsToAddOrOverride: { roles: ['admins', 'staff'], limits: { rpm: 100 } },
          scopesToAdd: ['orders/read'],
          scopesToSuppress: ['aws.cognito.signin.user.admin'],
        },
        groupOverrideDetails: {
          groupsToOverride: ['admins'],
          iamRolesToOverride: GROUPS.iamRolesToOverride,
          preferredRole: GROUPS.preferredRole,
        },
      },
    });
  });

  it('passes the scopes and the version to the callback', async () => {
    let seen: PreTokenGenerationV2Input | undefined;
    await preTokenGenerationV2((input) => {
      seen = input;
      return {};
    })(preTokenV2Event('TokenGeneration_Authentication', '3'));
    expect(seen).toMatchObject({
      version: '3',
      scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
    });
  });

  it('handles a V3 client-credentials event, which has no user, for the access token', async () => {
    const event = preTokenV2Event('TokenGeneration_ClientCredentials' as never, '3');
    (event.request as { userAttributes?: unknown }).userAttributes = null;
    const answered = await preTokenGenerationV2(() => ({
      accessToken: { addClaims: { caller: 'billing' } },
    }))(event);
    expect(answered.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { caller: 'billing' },
    });
    await expect(preTokenGenerationV2(() => ({ idToken: { addClaims: { a: 'b' } } }))(event)).rejects.toThrow(
      'issues no ID token',
    );
  });

  it.each([
    [
      'a reserved claim',
      { accessToken: { addClaims: { token_use: 'id' } } },
      'cannot change the claim "token_use"',
    ],
    [
      'scope as an access token claim',
      { accessToken: { addClaims: { scope: 'x' } } },
      'addScopes / suppressScopes',
    ],
    ['a null value', { idToken: { addClaims: { tenant: null } } }, 'idToken.addClaims.tenant must be'],
    ['scopes on the ID token', { idToken: { addScopes: ['x'] } }, 'scopes belong to the access token'],
    ['a scope with a space', { accessToken: { addScopes: ['a b'] } }, 'not a single scope'],
    ['a non-object token change', { accessToken: 'x' }, 'accessToken must be an object'],
    ['a non-object answer', 'nothing', 'must return an object'],
  ])('refuses %s with a response TriggerError', async (_name, customization, fragment) => {
    const error = await preTokenGenerationV2(() => customization as never)(preTokenV2Event()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TriggerError);
    expect((error as Error).message).toContain(fragment);
  });

  it('refuses a V1 event, whose answer Cognito would ignore', async () => {
    await expect(preTokenGenerationV2(() => ({}))(preTokenEvent() as never)).rejects.toThrow(
      /version is "1", not "2" or "3".*V2_0/,
    );
  });

  it('refuses malformed scopes in the event', async () => {
    const event = preTokenV2Event();
    (event.request as { scopes?: unknown }).scopes = 'openid';
    await expect(preTokenGenerationV2(() => ({}))(event)).rejects.toThrow('request.scopes');
  });
});
