import type { AuthClient } from 'cognito-flow';
import type { RequestHandler } from 'express';
import { answerStep } from '../answer-step.js';
import { sendError } from '../api-error.js';
import { stepReply } from '../step-reply.js';
import type { StepSealer } from '../step-seal.js';

/**
 * `POST /sign-in/continue` `{ step, seal, answer }`: the step and seal exactly as the last reply gave them,
 * and the user's answer. The seal proves the step is one this service issued and nobody changed; `resume`
 * then checks its shape, its app client and its expiry; the answer goes to Cognito and the next step comes
 * back the same way.
 */
export function continueSignInRoute(auth: AuthClient, sealer: StepSealer): RequestHandler {
  return async (req, res) => {
    const { step, seal, answer } = (req.body ?? {}) as Record<string, unknown>;
    if (!sealer.verify(step, seal)) {
      sendError(res, {
        type: 'InvalidStep',
        message: 'The step was not issued by this service or has been changed; post it back as it was sent',
        retryable: false,
      });
      return;
    }
    const resumed = auth.resume(step);
    if (resumed.isErr()) {
      sendError(res, resumed.error);
      return;
    }
    const next = await answerStep(auth, resumed.value, answer);
    if (next.isErr()) sendError(res, next.error);
    else res.json(stepReply(next.value.step, sealer, next.value.totp));
  };
}
