import type { AuthClient } from 'cognito-flow';
import type { TokenVerifier } from 'cognito-flow/verify';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { invalidRequest, sendError } from './api-error.js';
import { requireAccessToken } from './require-access-token.js';
import { continueSignInRoute } from './routes/continue-sign-in.js';
import { meRoute } from './routes/me.js';
import { type PasswordFlow, signInRoute } from './routes/sign-in.js';

/**
 * What the app needs: one AuthClient and one verifier serve every request; nothing per user is kept.
 * `auth` must have `stepKeys` (the same on every instance): they seal the steps that travel to clients.
 */
export interface AppDependencies {
  readonly auth: AuthClient;
  readonly verifier: TokenVerifier;
  /** USER_SRP_AUTH (the default: the password never leaves the service) or USER_PASSWORD_AUTH. */
  readonly passwordFlow?: PasswordFlow;
}

/** Malformed JSON, a body too large, or anything unforeseen: always a JSON error, never a stack trace. */
const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = (error as { status?: unknown }).status;
  if ((error as { type?: unknown }).type === 'entity.parse.failed') {
    sendError(res, invalidRequest('The body is not valid JSON'));
  } else if (status === 413) {
    res.status(413).json({ error: { type: 'TooLarge', message: 'The body is too large', retryable: false } });
  } else {
    console.error('Unhandled error:', error instanceof Error ? error.name : typeof error);
    res.status(500).json({ error: { type: 'Internal', message: 'Internal error', retryable: true } });
  }
};

/**
 * The HTTP API: `POST /sign-in`, `POST /sign-in/continue` and `GET /me` (access token required).
 * Stateless: the sign-in's progress travels to the client as a sealed step and comes back with the answer.
 */
export function createApp({ auth, verifier, passwordFlow = 'USER_SRP_AUTH' }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store'); // answers carry tokens and claims, which no cache may keep
    next();
  });
  app.use(express.json({ limit: '32kb' }));
  app.post('/sign-in', signInRoute(auth, passwordFlow));
  app.post('/sign-in/continue', continueSignInRoute(auth));
  app.get('/me', requireAccessToken(verifier), meRoute);
  app.use((_req, res) => {
    res.status(404).json({ error: { type: 'NotFound', message: 'No such route', retryable: false } });
  });
  app.use(jsonErrors);
  return app;
}
