import type { AuthClient } from 'cognito-flow';
import type { RequestHandler } from 'express';
import { answerStep } from '../answer-step.js';
import { sendError } from '../api-error.js';
import { stepReply } from '../step-reply.js';

/**
 * `POST /sign-in/continue` `{ step, answer }`: the sealed step exactly as the last reply gave it, and the
 * user's answer. `auth.openStep` refuses anything this service did not seal for this app client, anything
 * changed, and anything expired; the answer goes to Cognito and the next step comes back the same way.
 */
export function continueSignInRoute(auth: AuthClient): RequestHandler {
  return async (req, res) => {
    const { step, answer } = (req.body ?? {}) as Record<string, unknown>;
    const reply = await auth
      .openStep(step)
      .andThen((opened) => answerStep(auth, opened, answer))
      .andThen((next) => stepReply(auth, next.step, next.totp));
    if (reply.isErr()) sendError(res, reply.error);
    else res.json(reply.value);
  };
}
