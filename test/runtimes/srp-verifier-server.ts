/**
 * A stand-in for Cognito's SRP endpoint that really checks the password proof — moto does not (its SRP_B is
 * random and it accepts any PASSWORD_CLAIM_SIGNATURE). It answers InitiateAuth (USER_SRP_AUTH) with a
 * PASSWORD_VERIFIER challenge from `test/support/srp-server.ts` (a verifier written independently of
 * src/srp) and RespondToAuthChallenge with tokens only when the claim verifies, `NotAuthorizedException`
 * otherwise. The story signs in against it on each runtime, so that runtime's SRP arithmetic is proven.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintTokens } from '../../src/testing/mint-tokens.js';
import { createSrpServer, type SrpServer } from '../support/srp-server.js';

/** The one user the verifier knows. */
export interface VerifierUser {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

/** A running verifier: its endpoint, how many claims it accepted and refused, and how to stop it. */
export interface SrpVerifier {
  readonly endpoint: string;
  readonly counts: { verified: number; refused: number };
  stop(): Promise<void>;
}

/** Request bodies are read up to this size; a larger one is refused before parsing. */
const MAX_BODY = 64 * 1024;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify(body));
}

const fault = (type: string, message: string) => ({ __type: type, message });
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const fieldsOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** Starts the verifier on a free loopback port. */
export async function startSrpVerifier(user: VerifierUser): Promise<SrpVerifier> {
  const poolName = user.userPoolId.split('_')[1] ?? '';
  const sessions = new Map<string, { server: SrpServer; srpA: string }>();
  const counts = { verified: 0, refused: 0 };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const target = text(request.headers['x-amz-target']);
    const input = await readJson(request);
    if (!input) return answer(response, 400, fault('InvalidParameterException', 'not a JSON object'));
    if (target === 'AWSCognitoIdentityProviderService.InitiateAuth') {
      const parameters = fieldsOf(input.AuthParameters);
      const srpA = text(parameters.SRP_A);
      if (input.AuthFlow !== 'USER_SRP_AUTH' || text(parameters.USERNAME) !== user.username || !srpA) {
        return answer(response, 400, fault('NotAuthorizedException', 'Incorrect username or password.'));
      }
      const server = createSrpServer({ poolName, userIdForSrp: user.username, password: user.password });
      const session = randomUUID();
      sessions.set(session, { server, srpA });
      return answer(response, 200, {
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: session,
        ChallengeParameters: {
          SALT: server.salt,
          SRP_B: server.srpB,
          SECRET_BLOCK: server.secretBlock,
          USER_ID_FOR_SRP: user.username,
          USERNAME: user.username,
        },
      });
    }
    if (target === 'AWSCognitoIdentityProviderService.RespondToAuthChallenge') {
      const pending = sessions.get(text(input.Session));
      const responses = fieldsOf(input.ChallengeResponses);
      sessions.delete(text(input.Session));
      const verified =
        pending !== undefined &&
        input.ChallengeName === 'PASSWORD_VERIFIER' &&
        (await pending.server.verify({
          srpA: pending.srpA,
          signature: text(responses.PASSWORD_CLAIM_SIGNATURE),
          timestamp: text(responses.TIMESTAMP),
          secretBlock: text(responses.PASSWORD_CLAIM_SECRET_BLOCK),
        }));
      if (!verified) {
        counts.refused += 1;
        return answer(response, 400, fault('NotAuthorizedException', 'Incorrect username or password.'));
      }
      counts.verified += 1;
      const tokens = mintTokens({
        userPoolId: user.userPoolId,
        clientId: user.clientId,
        username: user.username,
      });
      return answer(response, 200, {
        AuthenticationResult: tokens.authenticationResult,
        ChallengeParameters: {},
      });
    }
    return answer(response, 400, fault('InvalidParameterException', 'unsupported operation'));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      answer(response, 500, fault('InternalErrorException', 'verifier failed')),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
