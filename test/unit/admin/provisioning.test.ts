import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DuplicateProviderException,
  LimitExceededException,
  SetUserPoolMfaConfigCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AdminClient,
  type CreateIdentityPoolInput,
  type CreateIdentityProviderInput,
  type CreateUserPoolClientInput,
  type CreateUserPoolDomainInput,
  type CreateUserPoolInput,
  type SetIdentityPoolRolesInput,
} from '../../../src/admin/index.js';

const POOL = 'eu-west-1_AbC123';
const IDENTITY_POOL = 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const ROLE = 'arn:aws:iam::123456789012:role/signed-in';
const GUEST_ROLE = 'arn:aws:iam::123456789012:role/guest';
const idp = mockClient(CognitoIdentityProviderClient);
const identity = mockClient(CognitoIdentityClient);

/** An unbound AdminClient (no user pool): what provisioning starts with. */
const admin = () =>
  AdminClient.create({
    region: 'eu-west-1',
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
    identityClient: new CognitoIdentityClient({ region: 'eu-west-1' }),
  })._unsafeUnwrap();

const sent = <T>(calls: { args: [{ input: T }] }[]) => calls.map((c) => c.args[0].input);

beforeEach(() => {
  idp.reset();
  identity.reset();
  idp.on(CreateUserPoolCommand).resolves({
    UserPool: {
      Id: POOL,
      Name: 'my-app',
      Arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL}`,
    },
  });
  idp.on(SetUserPoolMfaConfigCommand).resolves({});
});

describe('AdminClient.createUserPool', () => {
  it('sends the typed schema, password policy, verification, username and alias settings', async () => {
    const created = (
      await admin().createUserPool({
        name: 'my-app',
        standardAttributes: {
          email: { required: true, mutable: true },
          email_verified: { mutable: true },
          updated_at: {},
        },
        customAttributes: {
          plan: { type: 'String', minLength: 1, maxLength: 16 },
          'custom:seats': { type: 'Number', min: 1, max: 500, mutable: false },
          beta: { type: 'Boolean', developerOnly: true },
          since: { type: 'DateTime' },
        },
        passwordPolicy: {
          minimumLength: 12,
          requireUppercase: true,
          requireLowercase: true,
          requireNumbers: true,
          requireSymbols: false,
          temporaryPasswordValidityDays: 3,
          passwordHistorySize: 5,
        },
        autoVerifiedAttributes: ['email'],
        usernameAttributes: ['email'],
        usernameCaseSensitive: false,
        adminCreateUserOnly: true,
        deletionProtection: true,
        tags: { team: 'identity' },
      })
    )._unsafeUnwrap();

    expect(created).toEqual({
      userPoolId: POOL,
      name: 'my-app',
      arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL}`,
      loginsKey: `cognito-idp.eu-west-1.amazonaws.com/${POOL}`,
      issuer: `https://cognito-idp.eu-west-1.amazonaws.com/${POOL}`,
    });
    expect(sent(idp.commandCalls(CreateUserPoolCommand))).toEqual([
      {
        PoolName: 'my-app',
        Schema: [
          { Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true },
          { Name: 'email_verified', AttributeDataType: 'Boolean', Mutable: true },
          { Name: 'updated_at', AttributeDataType: 'Number' },
          {
            Name: 'plan',
            AttributeDataType: 'String',
            StringAttributeConstraints: { MinLength: '1', MaxLength: '16' },
          },
          {
            Name: 'seats',
            AttributeDataType: 'Number',
            Mutable: false,
            NumberAttributeConstraints: { MinValue: '1', MaxValue: '500' },
          },
          { Name: 'beta', AttributeDataType: 'Boolean', DeveloperOnlyAttribute: true },
          { Name: 'since', AttributeDataType: 'DateTime' },
        ],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireUppercase: true,
            RequireLowercase: true,
            RequireNumbers: true,
            RequireSymbols: false,
            TemporaryPasswordValidityDays: 3,
            PasswordHistorySize: 5,
          },
        },
        AutoVerifiedAttributes: ['email'],
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        MfaConfiguration: 'OFF',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
        UserPoolTags: { team: 'identity' },
      },
    ]);
    expect(idp.commandCalls(SetUserPoolMfaConfigCommand)).toHaveLength(0);
  });

  it('turns MFA on with a second request (SetUserPoolMfaConfig) carrying TOTP, SMS and email', async () => {
    const sms = {
      snsCallerArn: 'arn:aws:iam::123456789012:role/sms',
      externalId: 'ext',
      message: 'Code: {####}',
    };

    (
      await admin().createUserPool({
        name: 'my-app',
        mfa: { mode: 'ON', totp: true, sms, email: { subject: 'Your code' } },
        aliasAttributes: ['preferred_username'],
      })
    )._unsafeUnwrap();

    expect(sent(idp.commandCalls(CreateUserPoolCommand))[0]).toMatchObject({
      MfaConfiguration: 'OFF',
      SmsConfiguration: { SnsCallerArn: sms.snsCallerArn, ExternalId: 'ext' },
      AliasAttributes: ['preferred_username'],
    });
    expect(sent(idp.commandCalls(SetUserPoolMfaConfigCommand))).toEqual([
      {
        UserPoolId: POOL,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: {
          SmsConfiguration: { SnsCallerArn: sms.snsCallerArn, ExternalId: 'ext' },
          SmsAuthenticationMessage: 'Code: {####}',
        },
        EmailMfaConfiguration: { Subject: 'Your code' },
      },
    ]);
  });

  it('says the pool was created when setting its MFA fails', async () => {
    idp
      .on(SetUserPoolMfaConfigCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const result = await admin().createUserPool({ name: 'my-app', mfa: { mode: 'OPTIONAL', totp: true } });
    expect(result.isErr()).toBe(true);
    if (result.isOk()) return;
    expect(result.error.type).toBe('TooManyRequests');
    expect(result.error.retryable).toBe(true);
    expect(result.error.message).toContain(`The user pool ${POOL} was created`);
  });

  it('maps LimitExceededException, and an answer without an id to Unexpected', async () => {
    idp
      .on(CreateUserPoolCommand)
      .rejectsOnce(new LimitExceededException({ message: 'too many pools', $metadata: {} }))
      .resolvesOnce({ UserPool: {} });
    const limited = await admin().createUserPool({ name: 'a' });
    const empty = await admin().createUserPool({ name: 'a' });
    expect(limited.isErr() && limited.error.type).toBe('LimitExceeded');
    expect(empty.isErr() && empty.error.type).toBe('Unexpected');
  });

  it.each<[string, CreateUserPoolInput]>([
    ['an empty name', { name: '' }],
    ['a name with a slash', { name: 'my/app' }],
    [
      'usernameAttributes with aliasAttributes',
      { name: 'a', usernameAttributes: ['email'], aliasAttributes: ['email'] },
    ],
    ['an unknown standard attribute', { name: 'a', standardAttributes: { plan: {} } as never }],
    [
      'a custom name over 20 characters',
      { name: 'a', customAttributes: { ['x'.repeat(21)]: { type: 'String' } } },
    ],
    [
      'a custom attribute of an unknown type',
      { name: 'a', customAttributes: { x: { type: 'Json' } as never } },
    ],
    [
      'a string attribute longer than 2048',
      { name: 'a', customAttributes: { x: { type: 'String', maxLength: 4096 } } },
    ],
    [
      'min length above max length',
      { name: 'a', customAttributes: { x: { type: 'String', minLength: 5, maxLength: 2 } } },
    ],
    ['min above max', { name: 'a', customAttributes: { x: { type: 'Number', min: 5, max: 2 } } }],
    ['a minimum password length of 5', { name: 'a', passwordPolicy: { minimumLength: 5 } }],
    ['MFA on without a method', { name: 'a', mfa: { mode: 'ON' } }],
    ['an unknown MFA mode', { name: 'a', mfa: { mode: 'MAYBE' } as never }],
    [
      'an SMS message without {####}',
      { name: 'a', mfa: { mode: 'ON', sms: { snsCallerArn: ROLE, message: 'Code' } } },
    ],
    ['an SMS role that is not an ARN', { name: 'a', sms: { snsCallerArn: 'sms' } }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().createUserPool(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient.createUserPoolClient', () => {
  beforeEach(() => {
    idp.on(CreateUserPoolClientCommand).callsFake((input) => ({
      UserPoolClient: {
        ClientId: 'client-1',
        ClientName: input.ClientName,
        ...(input.GenerateSecret ? { ClientSecret: 'generated-secret' } : {}),
      },
    }));
  });

  it('sends flows with ALLOW_, token validity with units, attributes and OAuth settings', async () => {
    const created = (
      await admin().createUserPoolClient({
        userPoolId: POOL,
        name: 'web',
        authFlows: ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH'],
        tokenValidity: { accessToken: { minutes: 30 }, idToken: { hours: 2 }, refreshToken: { days: 30 } },
        readAttributes: ['email', 'email_verified', 'custom:plan', 'sub'],
        writeAttributes: ['email'],
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        authSessionValidityMinutes: 5,
        oauth: {
          flows: ['code'],
          scopes: ['openid', 'email'],
          callbackUrls: ['https://app.example.com/callback', 'myapp://callback'],
          logoutUrls: ['http://localhost:3000/'],
          identityProviders: ['COGNITO', 'Google'],
        },
      })
    )._unsafeUnwrap();

    expect(created).toEqual({ userPoolId: POOL, clientId: 'client-1', name: 'web' });
    expect(sent(idp.commandCalls(CreateUserPoolClientCommand))).toEqual([
      {
        UserPoolId: POOL,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 30,
        IdTokenValidity: 2,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' },
        ReadAttributes: ['email', 'email_verified', 'custom:plan', 'sub'],
        WriteAttributes: ['email'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AuthSessionValidity: 5,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: ['https://app.example.com/callback', 'myapp://callback'],
        LogoutURLs: ['http://localhost:3000/'],
        SupportedIdentityProviders: ['COGNITO', 'Google'],
      },
    ]);
  });

  it('returns the secret of a confidential client, using the bound pool', async () => {
    const created = (
      await admin().forUserPool(POOL).createUserPoolClient({ name: 'service', generateSecret: true })
    )._unsafeUnwrap();
    expect(created.clientSecret).toBe('generated-secret');
    expect(sent(idp.commandCalls(CreateUserPoolClientCommand))[0]).toEqual({
      UserPoolId: POOL,
      ClientName: 'service',
      GenerateSecret: true,
    });
  });

  it.each<[string, CreateUserPoolClientInput]>([
    ['no user pool', { name: 'web' }],
    ['an unknown flow', { userPoolId: POOL, name: 'web', authFlows: ['PASSWORD'] as never }],
    [
      'an access token valid 2 minutes',
      { userPoolId: POOL, name: 'w', tokenValidity: { accessToken: { minutes: 2 } } },
    ],
    ['an ID token valid 2 days', { userPoolId: POOL, name: 'w', tokenValidity: { idToken: { days: 2 } } }],
    [
      'a refresh token valid 30 minutes',
      { userPoolId: POOL, name: 'w', tokenValidity: { refreshToken: { minutes: 30 } } },
    ],
    [
      'a duration in two units',
      { userPoolId: POOL, name: 'w', tokenValidity: { accessToken: { minutes: 5, hours: 1 } as never } },
    ],
    ['a read attribute without custom:', { userPoolId: POOL, name: 'w', readAttributes: ['plan'] }],
    ['a session validity of 20 minutes', { userPoolId: POOL, name: 'w', authSessionValidityMinutes: 20 }],
    [
      'OAuth code flow without callback',
      { userPoolId: POOL, name: 'w', oauth: { flows: ['code'], scopes: ['openid'] } },
    ],
    [
      'an http callback',
      {
        userPoolId: POOL,
        name: 'w',
        oauth: { flows: ['code'], scopes: ['openid'], callbackUrls: ['http://app.example.com'] },
      },
    ],
    [
      'OAuth without scopes',
      { userPoolId: POOL, name: 'w', oauth: { flows: ['client_credentials'], scopes: [] } },
    ],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().createUserPoolClient(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient.createIdentityProvider: typed ProviderDetails', () => {
  beforeEach(() => {
    idp.on(CreateIdentityProviderCommand).callsFake((input) => ({
      IdentityProvider: { ProviderName: input.ProviderName, ProviderType: input.ProviderType },
    }));
  });

  it.each<[string, CreateIdentityProviderInput, string, Record<string, string>]>([
    [
      'Google',
      { type: 'Google', clientId: 'g-id', clientSecret: 'g-secret' },
      'Google',
      { client_id: 'g-id', client_secret: 'g-secret', authorize_scopes: 'openid email profile' },
    ],
    [
      'Facebook (comma-separated scopes)',
      { type: 'Facebook', appId: 'fb-id', appSecret: 'fb-secret', apiVersion: 'v17.0' },
      'Facebook',
      {
        client_id: 'fb-id',
        client_secret: 'fb-secret',
        authorize_scopes: 'public_profile,email',
        api_version: 'v17.0',
      },
    ],
    [
      'Login with Amazon',
      {
        type: 'LoginWithAmazon',
        clientId: 'amzn-id',
        clientSecret: 'amzn-secret',
        scopes: ['profile', 'postal_code'],
      },
      'LoginWithAmazon',
      { client_id: 'amzn-id', client_secret: 'amzn-secret', authorize_scopes: 'profile postal_code' },
    ],
    [
      'Sign in with Apple',
      {
        type: 'SignInWithApple',
        servicesId: 'com.example.web',
        teamId: 'TEAM',
        keyId: 'KEY',
        privateKey: '-----BEGIN PRIVATE KEY-----',
      },
      'SignInWithApple',
      {
        client_id: 'com.example.web',
        team_id: 'TEAM',
        key_id: 'KEY',
        private_key: '-----BEGIN PRIVATE KEY-----',
        authorize_scopes: 'email name',
      },
    ],
    [
      'OIDC with explicit endpoints',
      {
        type: 'OIDC',
        name: 'Corp',
        issuer: 'https://login.corp.example',
        clientId: 'c',
        endpoints: {
          authorize: 'https://login.corp.example/authorize',
          token: 'https://login.corp.example/token',
          userInfo: 'https://login.corp.example/userinfo',
          jwks: 'https://login.corp.example/jwks',
        },
      },
      'Corp',
      {
        client_id: 'c',
        attributes_request_method: 'GET',
        oidc_issuer: 'https://login.corp.example',
        authorize_scopes: 'openid',
        authorize_url: 'https://login.corp.example/authorize',
        token_url: 'https://login.corp.example/token',
        attributes_url: 'https://login.corp.example/userinfo',
        jwks_uri: 'https://login.corp.example/jwks',
      },
    ],
    [
      'SAML by metadata URL',
      {
        type: 'SAML',
        name: 'CorpSaml',
        metadataUrl: 'https://idp.corp.example/metadata',
        signOut: true,
        idpInitiated: false,
      },
      'CorpSaml',
      { MetadataURL: 'https://idp.corp.example/metadata', IDPSignout: 'true', IDPInit: 'false' },
    ],
    [
      'SAML by metadata file',
      {
        type: 'SAML',
        name: 'CorpSaml',
        metadataFile: '<EntityDescriptor/>',
        encryptedResponses: true,
        requestSigningAlgorithm: 'rsa-sha256',
      },
      'CorpSaml',
      {
        MetadataFile: '<EntityDescriptor/>',
        EncryptedResponses: 'true',
        RequestSigningAlgorithm: 'rsa-sha256',
      },
    ],
  ])('%s', async (_name, input, providerName, details) => {
    const created = (await admin().forUserPool(POOL).createIdentityProvider(input))._unsafeUnwrap();

    expect(created).toEqual({ userPoolId: POOL, providerName, providerType: input.type });
    expect(sent(idp.commandCalls(CreateIdentityProviderCommand))).toEqual([
      { UserPoolId: POOL, ProviderName: providerName, ProviderType: input.type, ProviderDetails: details },
    ]);
  });

  it('sends the attribute mapping and IdP identifiers', async () => {
    await admin().createIdentityProvider({
      userPoolId: POOL,
      type: 'Google',
      clientId: 'g',
      clientSecret: 's',
      // An attribute mapped to undefined (from untyped code) is left out.
      attributeMapping: {
        email: 'email',
        'custom:plan': 'hd',
        username: 'sub',
        given_name: undefined,
      } as never,
      idpIdentifiers: ['example.com'],
    });
    expect(sent(idp.commandCalls(CreateIdentityProviderCommand))[0]).toMatchObject({
      AttributeMapping: { email: 'email', 'custom:plan': 'hd', username: 'sub' },
      IdpIdentifiers: ['example.com'],
    });
  });

  it('maps DuplicateProviderException to InvalidParameter, never echoing the client secret', async () => {
    idp.on(CreateIdentityProviderCommand).rejects(
      new DuplicateProviderException({
        message: 'Provider Google already exists (secret g-secret-123)',
        $metadata: {},
      }),
    );
    const result = await admin().createIdentityProvider({
      userPoolId: POOL,
      type: 'Google',
      clientId: 'g',
      clientSecret: 'g-secret-123',
    });
    expect(result.isErr()).toBe(true);
    if (result.isOk()) return;
    expect(result.error.type).toBe('InvalidParameter');
    expect(result.error.message).toContain('already exists');
    expect(result.error.message).not.toContain('g-secret-123');
  });

  it.each<[string, CreateIdentityProviderInput]>([
    ['Google without a secret', { type: 'Google', clientId: 'g', clientSecret: '' }],
    [
      'OIDC with an http issuer',
      { type: 'OIDC', name: 'Corp', issuer: 'http://login.corp.example', clientId: 'c' },
    ],
    [
      'OIDC without openid scope',
      { type: 'OIDC', name: 'Corp', issuer: 'https://x.example', clientId: 'c', scopes: ['email'] },
    ],
    [
      'OIDC with a name of 2 characters',
      { type: 'OIDC', name: 'Co', issuer: 'https://x.example', clientId: 'c' },
    ],
    [
      'OIDC with an underscore in the name',
      { type: 'OIDC', name: 'my_corp', issuer: 'https://x.example', clientId: 'c' },
    ],
    ['SAML without metadata', { type: 'SAML', name: 'Corp' } as CreateIdentityProviderInput],
    ['SAML with an http metadata URL', { type: 'SAML', name: 'Corp', metadataUrl: 'http://idp.example/m' }],
    ['an unknown type', { type: 'Twitter' } as unknown as CreateIdentityProviderInput],
    [
      'a mapping to an unknown attribute',
      { type: 'Google', clientId: 'g', clientSecret: 's', attributeMapping: { plan: 'hd' } as never },
    ],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().forUserPool(POOL).createIdentityProvider(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient.createUserPoolDomain', () => {
  it('creates a prefix domain and returns the hosted UI URL in the pool region', async () => {
    idp.on(CreateUserPoolDomainCommand).resolves({});
    const created = (
      await admin().createUserPoolDomain({ userPoolId: POOL, domain: 'my-app-login' })
    )._unsafeUnwrap();
    expect(created).toEqual({
      userPoolId: POOL,
      domain: 'my-app-login',
      url: 'https://my-app-login.auth.eu-west-1.amazoncognito.com',
    });
    expect(sent(idp.commandCalls(CreateUserPoolDomainCommand))).toEqual([
      { UserPoolId: POOL, Domain: 'my-app-login' },
    ]);
  });

  it('creates a custom domain with its certificate and returns the CloudFront name', async () => {
    idp.on(CreateUserPoolDomainCommand).resolves({ CloudFrontDomain: 'd111111abcdef8.cloudfront.net' });
    const certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';
    const created = (
      await admin().createUserPoolDomain({
        userPoolId: POOL,
        domain: 'auth.example.com',
        certificateArn: certificate,
        managedLoginVersion: 2,
      })
    )._unsafeUnwrap();
    expect(created).toEqual({
      userPoolId: POOL,
      domain: 'auth.example.com',
      url: 'https://auth.example.com',
      cloudFrontDomain: 'd111111abcdef8.cloudfront.net',
    });
    expect(sent(idp.commandCalls(CreateUserPoolDomainCommand))[0]).toEqual({
      UserPoolId: POOL,
      Domain: 'auth.example.com',
      CustomDomainConfig: { CertificateArn: certificate },
      ManagedLoginVersion: 2,
    });
  });

  it.each<[string, CreateUserPoolDomainInput]>([
    ['an upper-case prefix', { userPoolId: POOL, domain: 'MyApp' }],
    ['a prefix with "cognito"', { userPoolId: POOL, domain: 'my-cognito' }],
    ['a prefix with "aws"', { userPoolId: POOL, domain: 'awsome' }],
    ['a prefix ending with a hyphen', { userPoolId: POOL, domain: 'my-app-' }],
    [
      'a custom domain that is not a host',
      {
        userPoolId: POOL,
        domain: 'auth',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/x',
      },
    ],
    [
      'a custom domain without an ACM ARN',
      { userPoolId: POOL, domain: 'auth.example.com', certificateArn: 'cert' },
    ],
    ['managed login version 3', { userPoolId: POOL, domain: 'my-app', managedLoginVersion: 3 as never }],
    ['no user pool', { domain: 'my-app' }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().createUserPoolDomain(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient.createIdentityPool', () => {
  it('sends the user-pool clients as providers, the public providers by key, and the rest', async () => {
    identity
      .on(CreateIdentityPoolCommand)
      .resolves({ IdentityPoolId: IDENTITY_POOL, IdentityPoolName: 'my_app' });

    const created = (
      await admin().createIdentityPool({
        name: 'my_app',
        allowGuests: true,
        allowClassicFlow: true,
        userPoolClients: [
          { userPoolId: POOL, clientId: 'web1', serverSideTokenCheck: true },
          { userPoolId: 'us-east-1_XyZ789', clientId: 'svc2' },
        ],
        supportedLoginProviders: { google: 'g.apps', facebook: 'fb', amazon: 'amzn', apple: 'com.example' },
        openIdConnectProviderArns: ['arn:aws:iam::123456789012:oidc-provider/login.corp.example'],
        samlProviderArns: ['arn:aws:iam::123456789012:saml-provider/Corp'],
        developerProviderName: 'login.example.app',
        tags: { team: 'identity' },
      })
    )._unsafeUnwrap();

    expect(created).toEqual({ identityPoolId: IDENTITY_POOL, name: 'my_app' });
    expect(sent(identity.commandCalls(CreateIdentityPoolCommand))).toEqual([
      {
        IdentityPoolName: 'my_app',
        AllowUnauthenticatedIdentities: true,
        AllowClassicFlow: true,
        CognitoIdentityProviders: [
          {
            ProviderName: `cognito-idp.eu-west-1.amazonaws.com/${POOL}`,
            ClientId: 'web1',
            ServerSideTokenCheck: true,
          },
          { ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_XyZ789', ClientId: 'svc2' },
        ],
        SupportedLoginProviders: {
          'accounts.google.com': 'g.apps',
          'graph.facebook.com': 'fb',
          'www.amazon.com': 'amzn',
          'appleid.apple.com': 'com.example',
        },
        OpenIdConnectProviderARNs: ['arn:aws:iam::123456789012:oidc-provider/login.corp.example'],
        SamlProviderARNs: ['arn:aws:iam::123456789012:saml-provider/Corp'],
        DeveloperProviderName: 'login.example.app',
        IdentityPoolTags: { team: 'identity' },
      },
    ]);
    expect(idp.calls()).toHaveLength(0);
  });

  it('defaults to no guests', async () => {
    identity.on(CreateIdentityPoolCommand).resolves({ IdentityPoolId: IDENTITY_POOL });
    await admin().createIdentityPool({ name: 'p' });
    expect(sent(identity.commandCalls(CreateIdentityPoolCommand))[0]).toEqual({
      IdentityPoolName: 'p',
      AllowUnauthenticatedIdentities: false,
    });
  });

  it.each<[string, CreateIdentityPoolInput]>([
    ['a name with "!"', { name: 'my app!' }],
    ['a bad user pool id', { name: 'p', userPoolClients: [{ userPoolId: 'pool', clientId: 'c' }] }],
    ['a bad client id', { name: 'p', userPoolClients: [{ userPoolId: POOL, clientId: 'c d' }] }],
    ['an unknown public provider', { name: 'p', supportedLoginProviders: { twitter: 'x' } as never }],
    [
      'an OIDC provider that is not an IAM ARN',
      { name: 'p', openIdConnectProviderArns: ['login.corp.example'] },
    ],
    ['a developer provider with spaces', { name: 'p', developerProviderName: 'my app' }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().createIdentityPool(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(identity.calls()).toHaveLength(0);
  });

  it('without an identity client (a custom transport-less setup), is InvalidConfig', async () => {
    const { adminSdkTransport } = await import('../../../src/admin/index.js');
    const bare = new AdminClient(
      { region: 'eu-west-1' },
      adminSdkTransport(new CognitoIdentityProviderClient({ region: 'eu-west-1' })),
    );
    const result = await bare.createIdentityPool({ name: 'p' });
    expect(result.isErr() && result.error.type).toBe('InvalidConfig');
  });
});

describe('AdminClient.setIdentityPoolRoles (moto lacks SetIdentityPoolRoles: aws-sdk-client-mock only)', () => {
  beforeEach(() => {
    identity.on(SetIdentityPoolRolesCommand).resolves({});
  });

  it('sends the roles and typed role mappings keyed by user-pool client', async () => {
    const result = await admin().setIdentityPoolRoles({
      identityPoolId: IDENTITY_POOL,
      authenticatedRoleArn: ROLE,
      unauthenticatedRoleArn: GUEST_ROLE,
      roleMappings: [
        {
          provider: { userPoolId: POOL, clientId: 'web1' },
          type: 'Token',
          ambiguousRoleResolution: 'AuthenticatedRole',
        },
        {
          provider: 'accounts.google.com',
          type: 'Rules',
          ambiguousRoleResolution: 'Deny',
          rules: [{ claim: 'hd', matchType: 'Equals', value: 'example.com', roleArn: ROLE }],
        },
      ],
    });

    expect(result._unsafeUnwrap()).toEqual({ identityPoolId: IDENTITY_POOL });
    expect(sent(identity.commandCalls(SetIdentityPoolRolesCommand))).toEqual([
      {
        IdentityPoolId: IDENTITY_POOL,
        Roles: { authenticated: ROLE, unauthenticated: GUEST_ROLE },
        RoleMappings: {
          [`cognito-idp.eu-west-1.amazonaws.com/${POOL}:web1`]: {
            Type: 'Token',
            AmbiguousRoleResolution: 'AuthenticatedRole',
          },
          'accounts.google.com': {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: {
              Rules: [{ Claim: 'hd', MatchType: 'Equals', Value: 'example.com', RoleARN: ROLE }],
            },
          },
        },
      },
    ]);
  });

  it.each<[string, SetIdentityPoolRolesInput]>([
    ['no roles', { identityPoolId: IDENTITY_POOL }],
    ['a bad identity pool id', { identityPoolId: 'pool', authenticatedRoleArn: ROLE }],
    ['a role that is not an ARN', { identityPoolId: IDENTITY_POOL, authenticatedRoleArn: 'signed-in' }],
    [
      'a rules mapping without rules',
      {
        identityPoolId: IDENTITY_POOL,
        authenticatedRoleArn: ROLE,
        roleMappings: [
          { provider: 'accounts.google.com', type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [] },
        ],
      },
    ],
    [
      'a rule with an unknown match type',
      {
        identityPoolId: IDENTITY_POOL,
        authenticatedRoleArn: ROLE,
        roleMappings: [
          {
            provider: 'accounts.google.com',
            type: 'Rules',
            ambiguousRoleResolution: 'Deny',
            rules: [{ claim: 'hd', matchType: 'Like' as never, value: 'x', roleArn: ROLE }],
          },
        ],
      },
    ],
    [
      'a mapping for a bad user-pool client',
      {
        identityPoolId: IDENTITY_POOL,
        authenticatedRoleArn: ROLE,
        roleMappings: [
          { provider: { userPoolId: 'x', clientId: 'y' }, type: 'Token', ambiguousRoleResolution: 'Deny' },
        ],
      },
    ],
    [
      'an unknown ambiguous-role resolution',
      {
        identityPoolId: IDENTITY_POOL,
        authenticatedRoleArn: ROLE,
        roleMappings: [
          { provider: 'accounts.google.com', type: 'Token', ambiguousRoleResolution: 'Guess' as never },
        ],
      },
    ],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().setIdentityPoolRoles(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(identity.calls()).toHaveLength(0);
  });
});
