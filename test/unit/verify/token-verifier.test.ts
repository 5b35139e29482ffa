import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TokenVerifier } from '../../../src/verify/index.js';
import { accessClaims, clientId, idClaims, localPool, userPoolId } from './local-pool.js';

const pool = localPool();
const verifier = TokenVerifier.create({ userPoolId, clientId, jwks: pool.jwks })._unsafeUnwrap();

afterEach(() => {
  vi.useRealTimers();
});

/** Changes one character of the signature (or payload) while keeping it base64url. */
function tamper(token: string, part: 1 | 2): string {
  const parts = token.split('.');
  const segment = parts[part] ?? '';
  const payload = part === 1 ? JSON.parse(Buffer.from(segment, 'base64url').toString()) : undefined;
  parts[part] =
    part === 1
      ? Buffer.from(JSON.stringify({ ...payload, 'cognito:groups': ['admin'] })).toString('base64url')
      : `${segment.slice(0, 10)}${segment[10] === 'A' ? 'B' : 'A'}${segment.slice(11)}`;
  return parts.join('.');
}

describe('TokenVerifier with a local key set', () => {
  it('verifies an ID token and answers with its typed claims', async () => {
    const token = pool.sign(idClaims());
    const claims = (await verifier.verifyIdToken(token))._unsafeUnwrap();
    expect(claims.token_use).toBe('id');
    expect(claims['cognito:username']).toBe('alice');
    expect(claims.email).toBe('alice@example.com');
    expect(claims.aud).toBe(clientId);
  });

  it('verifies an access token and answers with its typed claims', async () => {
    const claims = (await verifier.verifyAccessToken(pool.sign(accessClaims())))._unsafeUnwrap();
    expect(claims).toMatchObject({ token_use: 'access', username: 'alice', client_id: clientId });
  });

  it('verify() accepts either kind and says which through token_use', async () => {
    expect((await verifier.verify(pool.sign(idClaims())))._unsafeUnwrap().token_use).toBe('id');
    expect((await verifier.verify(pool.sign(accessClaims())))._unsafeUnwrap().token_use).toBe('access');
  });

  const rejected: [string, () => string, string, 'id' | 'access'][] = [
    ['a tampered payload', () => tamper(pool.sign(idClaims()), 1), 'signature', 'id'],
    ['a tampered signature', () => tamper(pool.sign(accessClaims()), 2), 'signature', 'access'],
    [
      'a token signed by another key with the same kid',
      () => localPool().sign(idClaims()),
      'signature',
      'id',
    ],
    ['a key the JWKS does not have', () => localPool('other-kid').sign(idClaims()), 'signature', 'id'],
    [
      'an expired ID token',
      () => pool.sign(idClaims({ exp: Math.floor(Date.now() / 1000) - 10 })),
      'expired',
      'id',
    ],
    [
      'an expired access token',
      () => pool.sign(accessClaims({ exp: Math.floor(Date.now() / 1000) - 10 })),
      'expired',
      'access',
    ],
    [
      'a token not valid yet (nbf)',
      () => pool.sign(idClaims({ nbf: Math.floor(Date.now() / 1000) + 600 })),
      'not_yet_valid',
      'id',
    ],
    ['another client id (aud)', () => pool.sign(idClaims({ aud: 'other-client' })), 'audience', 'id'],
    [
      'another client id (client_id)',
      () => pool.sign(accessClaims({ client_id: 'other-client' })),
      'audience',
      'access',
    ],
    [
      'another pool (iss)',
      () => pool.sign(idClaims({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' })),
      'issuer',
      'id',
    ],
    ['an access token where an ID token is expected', () => pool.sign(accessClaims()), 'token_use', 'id'],
    ['an ID token where an access token is expected', () => pool.sign(idClaims()), 'token_use', 'access'],
    ['not a JWT', () => 'not.a.jwt', 'malformed', 'id'],
    ['an empty string', () => '', 'malformed', 'id'],
    ['a token without kid', () => pool.sign(idClaims(), { kid: undefined }), 'malformed', 'id'],
    [
      'an ID token without cognito:username',
      () => pool.sign(idClaims({ 'cognito:username': undefined })),
      'claims',
      'id',
    ],
  ];
  for (const [name, token, reason, kind] of rejected) {
    it(`rejects ${name}: InvalidToken/${reason}`, async () => {
      const value = token();
      const result =
        kind === 'id' ? await verifier.verifyIdToken(value) : await verifier.verifyAccessToken(value);
      const error = result._unsafeUnwrapErr();
      expect(error).toMatchObject({ type: 'InvalidToken', reason, retryable: false });
      if (value.length > 20) expect(JSON.stringify(error)).not.toContain(value);
    });
  }

  it('rejects a token expired by the clock (fake system time), and graceSeconds tolerates skew', async () => {
    const token = pool.sign(idClaims());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3600_000 + 30_000);
    expect((await verifier.verifyIdToken(token))._unsafeUnwrapErr().reason).toBe('expired');
    const lenient = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: pool.jwks,
      graceSeconds: 60,
    })._unsafeUnwrap();
    expect((await lenient.verifyIdToken(token)).isOk()).toBe(true);
  });

  it('accepts any of several client ids', async () => {
    const multi = TokenVerifier.create({
      userPoolId,
      clientId: ['mobile', clientId],
      jwks: pool.jwks,
    })._unsafeUnwrap();
    expect((await multi.verifyIdToken(pool.sign(idClaims()))).isOk()).toBe(true);
    expect((await multi.verifyIdToken(pool.sign(idClaims({ aud: 'mobile' })))).isOk()).toBe(true);
  });

  it('requires one of the configured groups', async () => {
    const admins = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: pool.jwks,
      groups: ['admin', 'ops'],
    })._unsafeUnwrap();
    expect((await admins.verifyIdToken(pool.sign(idClaims({ 'cognito:groups': ['ops'] })))).isOk()).toBe(
      true,
    );
    const outsider = await admins.verifyIdToken(pool.sign(idClaims({ 'cognito:groups': ['users'] })));
    expect(outsider._unsafeUnwrapErr().reason).toBe('groups');
    const none = await admins.verifyAccessToken(pool.sign(accessClaims()));
    expect(none._unsafeUnwrapErr().reason).toBe('groups');
  });

  it('requires one of the configured scopes on access tokens (per call too), and ignores them for ID tokens', async () => {
    const scoped = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: pool.jwks,
      scopes: 'orders/read',
    })._unsafeUnwrap();
    expect((await scoped.verifyAccessToken(pool.sign(accessClaims()))).isOk()).toBe(true);
    const write = await scoped.verifyAccessToken(pool.sign(accessClaims()), { scopes: 'orders/write' });
    expect(write._unsafeUnwrapErr().reason).toBe('scope');
    expect((await scoped.verifyIdToken(pool.sign(idClaims()))).isOk()).toBe(true);
    expect((await scoped.verify(pool.sign(idClaims())))._unsafeUnwrapErr().reason).toBe('scope');
  });

  it('per-call groups replace the configured ones; invalid ones are an error, not a throw', async () => {
    const token = pool.sign(idClaims({ 'cognito:groups': ['admin'] }));
    expect((await verifier.verifyIdToken(token, { groups: 'admin' })).isOk()).toBe(true);
    expect((await verifier.verifyIdToken(token, { groups: 'ops' }))._unsafeUnwrapErr().reason).toBe('groups');
    expect((await verifier.verifyIdToken(token, { groups: [] }))._unsafeUnwrapErr().type).toBe(
      'InvalidToken',
    );
  });

  it('a non-string token is InvalidToken/malformed, not a throw', async () => {
    const result = await verifier.verifyIdToken(42 as unknown as string);
    expect(result._unsafeUnwrapErr().reason).toBe('malformed');
  });

  it('hydrate() is a no-op success with a local key set', async () => {
    expect((await verifier.hydrate()).isOk()).toBe(true);
  });
});

describe('TokenVerifier.create', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['a malformed pool id', { userPoolId: 'pool', clientId }],
    ['no client id', { userPoolId }],
    ['an empty client id list', { userPoolId, clientId: [] }],
    ['an empty group', { userPoolId, clientId, groups: '' }],
    ['negative graceSeconds', { userPoolId, clientId, graceSeconds: -1 }],
    ['a key set without keys', { userPoolId, clientId, jwks: { keys: 'no' } }],
    ['a key without kid', { userPoolId, clientId, jwks: { keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }] } }],
    ['a non-http JWKS URL', { userPoolId, clientId, jwks: 'file:///etc/passwd' }],
    ['a JWKS string that is no URL', { userPoolId, clientId, jwks: 'not a url' }],
    ['a zero time-out', { userPoolId, clientId, jwksTimeoutMs: 0 }],
  ];
  for (const [name, config] of cases) {
    it(`${name} is InvalidConfig`, () => {
      expect(TokenVerifier.create(config as never)._unsafeUnwrapErr().type).toBe('InvalidConfig');
    });
  }

  it('a config that is not an object is InvalidConfig', () => {
    expect(TokenVerifier.create(undefined as never)._unsafeUnwrapErr().type).toBe('InvalidConfig');
  });
});

describe('TokenVerifier with a JWKS URL (a local http server standing in for the pool)', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  const status = 200;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (request.url !== `/${userPoolId}/.well-known/jwks.json`) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(pool.jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches the key set once over plain http, then verifies from the cache', async () => {
    requests = 0;
    const remote = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: `${url}/${userPoolId}/.well-known/jwks.json`,
    })._unsafeUnwrap();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => remote.verifyIdToken(pool.sign(idClaims()))),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(requests).toBe(1);
  });

  it('accepts a URL object, and hydrate() fetches the keys ahead of time', async () => {
    requests = 0;
    const remote = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: new URL(`/${userPoolId}/.well-known/jwks.json`, url),
    })._unsafeUnwrap();
    expect((await remote.hydrate()).isOk()).toBe(true);
    expect(requests).toBe(1);
    expect((await remote.verifyAccessToken(pool.sign(accessClaims()))).isOk()).toBe(true);
    expect(requests).toBe(1);
  });

  it('a JWKS URL answering 404 is InvalidToken/jwks, not retryable', async () => {
    const remote = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: `${url}/nowhere.json`,
    })._unsafeUnwrap();
    const error = (await remote.verifyIdToken(pool.sign(idClaims())))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidToken', reason: 'jwks', retryable: false });
  });

  it('an unreachable JWKS URL is InvalidToken/jwks and retryable', async () => {
    const remote = TokenVerifier.create({
      userPoolId,
      clientId,
      jwks: 'http://127.0.0.1:1/jwks.json',
    })._unsafeUnwrap();
    const error = (await remote.verifyIdToken(pool.sign(idClaims())))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidToken', reason: 'jwks', retryable: true });
    expect((await remote.hydrate())._unsafeUnwrapErr().reason).toBe('jwks');
  });
});
