import type { AuthClient } from 'cognito-flow';
import type { RequestHandler } from 'express';
import { invalidRequest, sendError } from '../api-error.js';
import { stepReply } from '../step-reply.js';

/** How the service proves the password to Cognito. */
export type PasswordFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

/**
 * `POST /sign-in` `{ username, password }`: starts a sign-in and answers with the first step — tokens, or
 * a sealed challenge step (`auth.sealStep`) to continue. With USER_SRP_AUTH the password goes no further than this service;
 * with USER_PASSWORD_AUTH it goes to Cognito over TLS (one request instead of two).
 */
export function signInRoute(auth: AuthClient, flow: PasswordFlow): RequestHandler {
  return async (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    if (
      typeof username !== 'string' ||
      username.length === 0 ||
      typeof password !== 'string' ||
      password.length === 0
    ) {
      sendError(res, invalidRequest('username and password are required strings'));
      return;
    }
    const reply = await auth
      .signIn(flow === 'USER_PASSWORD_AUTH' ? { username, password, flow } : { username, password })
      .andThen((step) => stepReply(auth, step));
    if (reply.isErr()) sendError(res, reply.error);
    else res.json(reply.value);
  };
}
