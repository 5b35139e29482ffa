import type { AuthClient } from 'cognito-flow';
import type { TokenVerifier } from 'cognito-flow/verify';
import express, { type Express, type Response } from 'express';

/** The HTTP status each sign-in error type gets. */
function statusOf(type: string): number {
  switch (type) {
    case 'NotAuthorized':
    case 'UserNotFound':
    case 'CodeMismatch':
    case 'SessionExpired':
      return 401;
    case 'TooManyRequests':
    case 'LimitExceeded':
      return 429;
    case 'InvalidParameter':
    case 'InvalidStep':
    case 'MissingRequiredAttributes':
      return 400;
    default:
      return 502;
  }
}

function fail(res: Response, error: { type: string; message: string }): void {
  res.status(statusOf(error.type)).json({ error: error.type, message: error.message });
}

/**
 * A small login service: POST /login answers the sign-in step (tokens when signed in, the sealed step to
 * continue otherwise), POST /login/code answers an MFA step with a code, GET /me needs a valid access token.
 */
export function loginApp(auth: AuthClient, verifier: TokenVerifier): Express {
  const app = express();
  app.use(express.json());

  app.post('/login', async (req, res) => {
    const { username, password } = req.body ?? {};
    if (typeof username !== 'string' || typeof password !== 'string') {
      res.status(400).json({ error: 'InvalidParameter', message: 'username and password are required' });
      return;
    }
    const result = await auth.signIn({ username, password });
    if (result.isErr()) return fail(res, result.error);
    const step = result.value;
    if (step.step === 'SIGNED_IN') {
      res.json({ step: step.step, accessToken: step.tokens.accessToken, idToken: step.tokens.idToken });
      return;
    }
    // Any other step travels sealed: the client posts it back, unchanged, with its answer.
    const sealed = await auth.sealStep(step);
    if (sealed.isErr()) return fail(res, sealed.error);
    const ask = step.step === 'NEW_PASSWORD_REQUIRED' ? { requiredAttributes: step.requiredAttributes } : {};
    res.json({ step: step.step, state: sealed.value, ...ask });
  });

  app.post('/login/code', async (req, res) => {
    const opened = await auth.openStep(req.body?.state);
    if (opened.isErr()) return fail(res, opened.error);
    const step = opened.value;
    if (step.step !== 'SOFTWARE_TOKEN_MFA' && step.step !== 'SMS_MFA') {
      res.status(400).json({ error: 'InvalidStep', message: `no code is asked at ${step.step}` });
      return;
    }
    const result = await auth.submitCode(step, String(req.body?.code ?? ''));
    if (result.isErr()) return fail(res, result.error);
    const next = result.value;
    if (next.step === 'SIGNED_IN') {
      res.json({ step: next.step, accessToken: next.tokens.accessToken });
      return;
    }
    const sealed = await auth.sealStep(next);
    if (sealed.isErr()) return fail(res, sealed.error);
    res.json({ step: next.step, state: sealed.value });
  });

  app.get('/me', async (req, res) => {
    const token = req.get('authorization')?.replace(/^Bearer /, '') ?? '';
    const claims = await verifier.verifyAccessToken(token);
    if (claims.isErr()) {
      res.status(401).json({ error: claims.error.reason });
      return;
    }
    res.json({ username: claims.value.username, groups: claims.value['cognito:groups'] ?? [] });
  });

  return app;
}
