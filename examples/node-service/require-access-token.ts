import type { AccessTokenClaims, TokenVerifier } from 'cognito-flow/verify';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './api-error.js';

/** What the middleware leaves for the routes after it: the verified claims. */
export interface AuthenticatedLocals {
  claims: AccessTokenClaims;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/;

/**
 * Express middleware: lets a request through only with `Authorization: Bearer <access token>` that the
 * verifier accepts (signature, issuer, expiry, app client, `token_use`), and puts the claims in
 * `res.locals.claims`. Otherwise 401 with `WWW-Authenticate` and `{ error: { type, message, reason? } }`;
 * 503 when the pool's keys cannot be fetched.
 */
export function requireAccessToken(verifier: TokenVerifier) {
  return async (req: Request, res: Response<unknown, AuthenticatedLocals>, next: NextFunction) => {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, {
        type: 'MissingToken',
        message: 'Send the access token as Authorization: Bearer <token>',
        retryable: false,
      });
      return;
    }
    const claims = await verifier.verifyAccessToken(token);
    if (claims.isErr()) {
      if (claims.error.reason === 'jwks') {
        res.status(503).json({
          error: { type: 'Unavailable', message: 'The signing keys cannot be fetched now', retryable: true },
        });
        return;
      }
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      sendError(res, claims.error);
      return;
    }
    res.locals.claims = claims.value;
    next();
  };
}
