import { randomBytes } from 'node:crypto';
import {
  type AuthClient,
  decodeIdToken,
  type RefreshCoordinator,
  type RefreshOperation,
  type TokenStore,
} from 'cognito-flow';
import express, { type Express } from 'express';

/** What the service needs: the client, and the Redis store and coordinator every process shares. */
export interface FleetAppOptions {
  readonly auth: AuthClient;
  readonly store: TokenStore;
  readonly coordinator: RefreshCoordinator;
  /** Which refresh API to call; the default `auto` suits Cognito (moto needs `REFRESH_TOKEN_AUTH`). */
  readonly refreshOperation?: RefreshOperation;
}

const sessionKey = (sid: string) => `session:${sid}`;

/**
 * A backend-for-frontend that keeps users' sessions server-side in Redis: any process can serve any user,
 * and when tokens expire the fleet refreshes each session once, whichever processes the requests reach.
 *
 * - `POST /login` `{ username, password }` → `{ sid }` (the session id the browser keeps, say in a cookie)
 * - `GET /me` with `x-session-id: <sid>` → `{ sub, pid }`, after a refresh if the tokens were expiring
 */
export function createFleetApp({
  auth,
  store,
  coordinator,
  refreshOperation = 'auto',
}: FleetAppOptions): Express {
  const app = express();
  const shared = { store, coordinator, refreshOperation };
  app.use(express.json({ limit: '4kb' }));

  app.post('/login', async (request, response) => {
    const { username, password } = (request.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string') {
      response.status(400).json({ error: 'username and password are required' });
      return;
    }
    const step = await auth.signIn({ username, password, flow: 'USER_PASSWORD_AUTH' });
    if (step.isErr() || step.value.step !== 'SIGNED_IN') {
      response
        .status(401)
        .json({ error: step.isErr() ? step.error.type : `unsupported step ${step.value.step}` });
      return;
    }
    const sid = randomBytes(16).toString('hex');
    const session = auth.session(step.value.tokens, { ...shared, key: sessionKey(sid) });
    const saved = await session.getTokens(); // the first call writes the tokens to Redis
    if (saved.isErr()) {
      response.status(503).json({ error: saved.error.type });
      return;
    }
    response.json({ sid });
  });

  app.get('/me', async (request, response) => {
    const sid = request.header('x-session-id');
    if (!sid || !/^[0-9a-f]{32}$/.test(sid)) {
      response.status(401).json({ error: 'missing session id' });
      return;
    }
    const restored = await auth.restoreSession({ ...shared, key: sessionKey(sid) });
    if (restored.isErr()) {
      response.status(503).json({ error: restored.error.type });
      return;
    }
    if (!restored.value) {
      response.status(401).json({ error: 'unknown session' });
      return;
    }
    const tokens = await restored.value.getTokens();
    if (tokens.isErr()) {
      const status = tokens.error.type === 'SessionEnded' ? 401 : 503;
      response.status(status).json({ error: tokens.error.type });
      return;
    }
    const claims = decodeIdToken(tokens.value.idToken);
    response.json({ sub: claims.isOk() ? claims.value.sub : undefined, pid: process.pid });
  });
  return app;
}
