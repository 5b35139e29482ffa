import { CognitoIdentityClient, DescribeIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../examples/support/provision.js';
import { countRequests } from '../../examples/support/request-counter.js';
import { AdminClient, type CreatedUserPool } from '../../src/admin/index.js';
import { IdentityPool } from '../../src/identity/index.js';
import { AuthClient } from '../../src/index.js';
import { stack, TEMPORARY_PASSWORD } from './clients.js';

describe.skipIf(!stack)('provisioning through cognito-flow/admin against moto', () => {
  const s = stack as NonNullable<typeof stack>;
  const sdk = { region: s.region, endpoint: s.endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
  const idp = new CognitoIdentityProviderClient(sdk);
  const identity = new CognitoIdentityClient(sdk);
  const counter = countRequests(idp, identity);
  // Unbound: no userPoolId, only what provisioning needs.
  const admin = AdminClient.create({ client: idp, identityClient: identity })._unsafeUnwrap();
  const suffix = Date.now().toString(36);

  async function newPool(): Promise<CreatedUserPool> {
    return (
      await admin.createUserPool({
        name: `provisioned-${suffix}`,
        standardAttributes: { email: { required: true, mutable: true }, given_name: { mutable: false } },
        customAttributes: {
          plan: { type: 'String', minLength: 1, maxLength: 16 },
          seats: { type: 'Number', min: 1, max: 500 },
        },
        passwordPolicy: { minimumLength: 10, requireSymbols: false, temporaryPasswordValidityDays: 3 },
        autoVerifiedAttributes: ['email'],
        aliasAttributes: ['email', 'preferred_username'],
        mfa: { mode: 'OPTIONAL', totp: true },
      })
    )._unsafeUnwrap();
  }

  it('createUserPool sends the typed schema, policy, aliases and MFA, and returns the ids', async () => {
    counter.take();
    const pool = await newPool();

    expect(pool.userPoolId).toMatch(/^us-east-1_/);
    expect(pool.loginsKey).toBe(`cognito-idp.us-east-1.amazonaws.com/${pool.userPoolId}`);
    expect(pool.issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${pool.userPoolId}`);
    // TOTP can only be switched on with SetUserPoolMfaConfig: two requests.
    expect(counter.take().byOperation).toEqual({ CreateUserPool: 1, SetUserPoolMfaConfig: 1 });

    const described = (await idp.send(new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId }))).UserPool;
    const schema = new Map((described?.SchemaAttributes ?? []).map((a) => [a.Name, a]));
    expect(schema.get('email')).toMatchObject({ Required: true, Mutable: true, AttributeDataType: 'String' });
    expect(schema.get('given_name')).toMatchObject({ Mutable: false });
    expect(schema.get('custom:plan')).toMatchObject({
      AttributeDataType: 'String',
      StringAttributeConstraints: { MinLength: '1', MaxLength: '16' },
    });
    expect(schema.get('custom:seats')).toMatchObject({
      AttributeDataType: 'Number',
      NumberAttributeConstraints: { MinValue: '1', MaxValue: '500' },
    });
    expect(described?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 10,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 3,
    });
    expect(described?.AutoVerifiedAttributes).toEqual(['email']);
    expect(described?.AliasAttributes).toEqual(['email', 'preferred_username']);
    const mfa = await idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.userPoolId }));
    expect(mfa.MfaConfiguration).toBe('OPTIONAL');
    expect(mfa.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
  });

  it('createUserPoolClient makes a public client and a confidential one, and both sign a user in', async () => {
    const pool = await newPool();
    const users = admin.forUserPool(pool.userPoolId);

    const web = (
      await admin.createUserPoolClient({
        userPoolId: pool.userPoolId,
        name: 'web',
        authFlows: ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH'],
        tokenValidity: { accessToken: { minutes: 30 }, idToken: { hours: 1 }, refreshToken: { days: 7 } },
        readAttributes: ['email', 'custom:plan'],
        writeAttributes: ['email'],
      })
    )._unsafeUnwrap();
    const service = (
      await users.createUserPoolClient({
        name: 'service',
        generateSecret: true,
        authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'],
      })
    )._unsafeUnwrap();

    expect(web.clientSecret).toBeUndefined();
    expect(service.clientSecret).toEqual(expect.any(String));
    expect(service.userPoolId).toBe(pool.userPoolId);
    const described = (
      await idp.send(
        new DescribeUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: web.clientId }),
      )
    ).UserPoolClient;
    expect(described).toMatchObject({
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 30,
      IdTokenValidity: 1,
      RefreshTokenValidity: 7,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' },
      ReadAttributes: ['email', 'custom:plan'],
      WriteAttributes: ['email'],
    });

    const username = `user-${suffix}`;
    (
      await users.createUser({
        username,
        attributes: { email: `${username}@example.com`, 'custom:plan': 'pro' },
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    (await users.setUserPassword(username, 'Permanent-Passw0rd', { permanent: true }))._unsafeUnwrap();
    for (const client of [web, service]) {
      const auth = AuthClient.create({
        userPoolId: pool.userPoolId,
        clientId: client.clientId,
        ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
        client: idp,
      })._unsafeUnwrap();
      const step = (
        await auth.signIn({ username, password: 'Permanent-Passw0rd', flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(step.step).toBe('SIGNED_IN');
    }
  });

  it('createIdentityProvider adds an OIDC provider with typed ProviderDetails and attribute mapping', async () => {
    const pool = await newPool();

    const created = (
      await admin.createIdentityProvider({
        userPoolId: pool.userPoolId,
        type: 'OIDC',
        name: 'Corp',
        issuer: 'https://login.corp.example',
        clientId: 'cognito-client',
        clientSecret: 'oidc-client-secret',
        scopes: ['openid', 'email', 'profile'],
        attributesRequestMethod: 'POST',
        attributeMapping: { email: 'email', given_name: 'given_name', username: 'sub' },
        idpIdentifiers: ['corp.example'],
      })
    )._unsafeUnwrap();

    expect(created).toEqual({ userPoolId: pool.userPoolId, providerName: 'Corp', providerType: 'OIDC' });
    const described = (
      await idp.send(
        new DescribeIdentityProviderCommand({ UserPoolId: pool.userPoolId, ProviderName: 'Corp' }),
      )
    ).IdentityProvider;
    expect(described).toMatchObject({
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'cognito-client',
        client_secret: 'oidc-client-secret',
        oidc_issuer: 'https://login.corp.example',
        authorize_scopes: 'openid email profile',
        attributes_request_method: 'POST',
      },
      AttributeMapping: { email: 'email', given_name: 'given_name', username: 'sub' },
      IdpIdentifiers: ['corp.example'],
    });
  });

  it('createUserPoolDomain gives the pool a hosted UI domain and returns its URL', async () => {
    const pool = await newPool();
    const domain = `cf-login-${suffix}`;

    const created = (
      await admin.forUserPool(pool.userPoolId).createUserPoolDomain({ domain })
    )._unsafeUnwrap();

    expect(created).toMatchObject({
      userPoolId: pool.userPoolId,
      domain,
      url: `https://${domain}.auth.us-east-1.amazoncognito.com`,
    });
    const described = (await idp.send(new DescribeUserPoolDomainCommand({ Domain: domain })))
      .DomainDescription;
    expect(described?.UserPoolId).toBe(pool.userPoolId);
  });

  it('createIdentityPool trusts the user-pool clients, and its id gets credentials for a signed-in user', async () => {
    const pool = await newPool();
    const client = (
      await admin.createUserPoolClient({
        userPoolId: pool.userPoolId,
        name: 'web',
        authFlows: ['USER_PASSWORD_AUTH'],
      })
    )._unsafeUnwrap();

    const created = (
      await admin.createIdentityPool({
        name: `provisioned_${suffix}`,
        allowGuests: true,
        userPoolClients: [
          { userPoolId: pool.userPoolId, clientId: client.clientId, serverSideTokenCheck: true },
        ],
        supportedLoginProviders: { google: '1234.apps.googleusercontent.com' },
        developerProviderName: 'login.example.app',
      })
    )._unsafeUnwrap();

    expect(created.identityPoolId).toMatch(/^us-east-1:/);
    const described = await identity.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: created.identityPoolId }),
    );
    expect(described).toMatchObject({
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [
        { ProviderName: pool.loginsKey, ClientId: client.clientId, ServerSideTokenCheck: true },
      ],
      SupportedLoginProviders: { 'accounts.google.com': '1234.apps.googleusercontent.com' },
      DeveloperProviderName: 'login.example.app',
    });

    const users = admin.forUserPool(pool.userPoolId);
    const username = `idp-${suffix}`;
    (
      await users.createUser({ username, temporaryPassword: TEMPORARY_PASSWORD, messageAction: 'SUPPRESS' })
    )._unsafeUnwrap();
    (await users.setUserPassword(username, 'Permanent-Passw0rd', { permanent: true }))._unsafeUnwrap();
    const auth = AuthClient.create({
      userPoolId: pool.userPoolId,
      clientId: client.clientId,
      client: idp,
    })._unsafeUnwrap();
    const step = (
      await auth.signIn({ username, password: 'Permanent-Passw0rd', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${step.step}`);
    const identityPool = IdentityPool.create({
      identityPoolId: created.identityPoolId,
      client: identity,
    })._unsafeUnwrap();
    const creds = (await identityPool.getCredentials({ idToken: step.tokens.idToken }))._unsafeUnwrap();
    expect(creds.identityId).toMatch(/^us-east-1:/);
  });

  it('bad provisioning input is InvalidParameter without a request', async () => {
    counter.take();
    const results = await Promise.all([
      admin.createUserPool({ name: 'x', usernameAttributes: ['email'], aliasAttributes: ['email'] }),
      admin.createUserPoolClient({ name: 'no-pool' }),
      admin.createUserPoolDomain({ userPoolId: s.userPoolId, domain: 'my-cognito-login' }),
      admin.createIdentityProvider({
        userPoolId: s.userPoolId,
        type: 'OIDC',
        name: 'x',
        issuer: 'http://insecure',
        clientId: 'c',
      }),
      admin.createIdentityPool({ name: 'bad name!' }),
    ]);
    expect(results.map((r) => r.isErr() && r.error.type)).toEqual(Array(5).fill('InvalidParameter'));
    expect(counter.take().total).toBe(0);
  });

  it('moto has no SetIdentityPoolRoles: its HTTP 500 is a retryable Unexpected error (the request is unit-tested)', async () => {
    const result = await admin.setIdentityPoolRoles({
      identityPoolId: s.identityPoolId,
      authenticatedRoleArn: 'arn:aws:iam::123456789012:role/signed-in',
    });
    expect(result.isErr() && result.error.type).toBe('Unexpected');
    expect(result.isErr() && result.error.retryable).toBe(true);
  });
});
