import type { ProxyHooks } from './counting-proxy.js';

/**
 * Two gaps of moto 5.2.1 that make the peers fail where Cognito would not, papered over without adding or
 * removing a request:
 *
 * - it answers USER_SRP_AUTH with `USER_ID_FOR_SRP` = the user's id, but looks the PASSWORD_VERIFIER answer's
 *   `USERNAME` up by user name only. Cognito accepts either; amazon-cognito-identity-js and Amplify send
 *   `USER_ID_FOR_SRP` back, so their SRP sign-ins fail with UserNotFound. The hooks remember each
 *   challenge's `USER_ID_FOR_SRP` → `USERNAME` and map it back in RespondToAuthChallenge.
 * - its NEW_PASSWORD_REQUIRED challenge has no `userAttributes`/`requiredAttributes` parameters, which
 *   Cognito always sends and amazon-cognito-identity-js `JSON.parse`s; the hooks add them, empty.
 *
 * @example
 * ```ts
 * const proxy = await startCountingProxy(moto.url, motoSrpUsernameShim());
 * ```
 */
export function motoSrpUsernameShim(): ProxyHooks {
  const usernames = new Map<string, string>();
  return {
    response(operation, body) {
      if (operation !== 'InitiateAuth' && operation !== 'RespondToAuthChallenge') return body;
      try {
        const parsed = JSON.parse(body.toString()) as {
          ChallengeName?: string;
          ChallengeParameters?: Record<string, string>;
        };
        const parameters = parsed.ChallengeParameters;
        if (parameters?.USER_ID_FOR_SRP && parameters.USERNAME) {
          usernames.set(parameters.USER_ID_FOR_SRP, parameters.USERNAME);
        }
        if (
          parsed.ChallengeName !== 'NEW_PASSWORD_REQUIRED' ||
          !parameters ||
          'userAttributes' in parameters
        ) {
          return body;
        }
        parameters.userAttributes = '{}';
        parameters.requiredAttributes = '[]';
        return Buffer.from(JSON.stringify(parsed));
      } catch {
        return body; // not JSON: nothing to remember
      }
    },
    request(operation, body) {
      if (operation !== 'RespondToAuthChallenge') return body;
      try {
        const parsed = JSON.parse(body.toString()) as { ChallengeResponses?: Record<string, string> };
        const responses = parsed.ChallengeResponses;
        const name = responses?.USERNAME ? usernames.get(responses.USERNAME) : undefined;
        if (!responses || !name) return body;
        responses.USERNAME = name;
        return Buffer.from(JSON.stringify(parsed));
      } catch {
        return body;
      }
    },
  };
}
