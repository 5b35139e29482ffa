import type { Request, Response } from 'express';
import type { AuthenticatedLocals } from '../require-access-token.js';

/** `GET /me` (behind `requireAccessToken`): who is calling, from the verified access token's claims. */
export function meRoute(_req: Request, res: Response<unknown, AuthenticatedLocals>): void {
  const { claims } = res.locals;
  res.json({ claims });
}
