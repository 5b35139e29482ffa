import type { TriggerHandler } from './common-types.js';
import { type CreateAuthChallengeEvent, createAuthChallenge } from './create-auth-challenge.js';
import { customChallengePolicy } from './custom-challenge-policy.js';
import { type DefineAuthChallengeEvent, defineAuthChallenge } from './define-auth-challenge.js';
import { TriggerError } from './trigger-error.js';
import {
  constantTimeEqual,
  type VerifyAuthChallengeEvent,
  verifyAuthChallenge,
} from './verify-auth-challenge.js';

/**
 * What `send` gets: where to send the code, and the code.
 *
 * @example
 * ```ts
 * const send = async ({ email, code }: CodeDelivery) => ses.send(new SendEmailCommand(codeEmail(email, code)));
 * ```
 */
export interface CodeDelivery {
  readonly email: string;
  readonly code: string;
  readonly userName: string;
  readonly event: CreateAuthChallengeEvent;
}

/**
 * Options of {@link emailedCodeChallenge}.
 *
 * @example
 * ```ts
 * const options: EmailedCodeChallengeOptions = { send: async ({ email, code }) => mailer.send(email, code), maxAttempts: 3 };
 * ```
 */
export interface EmailedCodeChallengeOptions {
  /** Delivers the code (SES, a mail API, …). Called once per sign-in: a retry after a wrong answer reuses the code. */
  readonly send: (delivery: CodeDelivery) => void | Promise<void>;
  /** Digits in the code, 4 to 10 (default 6). */
  readonly codeLength?: number;
  /** Wrong answers after which the sign-in fails (default 3). */
  readonly maxAttempts?: number;
  /** Ask for the password (SRP) first, then the code (default false: the code alone signs in). */
  readonly passwordFirst?: boolean;
  /** Send codes only to addresses with `email_verified` = `true` (default true). */
  readonly requireVerifiedEmail?: boolean;
}

/**
 * The three handlers of a custom challenge, one per Lambda trigger.
 *
 * @example
 * ```ts
 * const { define, create, verify }: CustomChallengeTriggers = emailedCodeChallenge({ send });
 * ```
 */
export interface CustomChallengeTriggers {
  /** For the Define auth challenge trigger. */
  readonly define: TriggerHandler<DefineAuthChallengeEvent>;
  /** For the Create auth challenge trigger. */
  readonly create: TriggerHandler<CreateAuthChallengeEvent>;
  /** For the Verify auth challenge response trigger. */
  readonly verify: TriggerHandler<VerifyAuthChallengeEvent>;
}

/**
 * `digits` random decimal digits from `crypto.getRandomValues`, without modulo bias.
 *
 * @example
 * ```ts
 * randomDigits(6); // e.g. '048213'
 * ```
 */
export function randomDigits(digits: number): string {
  let out = '';
  while (out.length < digits) {
    for (const byte of crypto.getRandomValues(new Uint8Array(digits))) {
      if (byte < 250 && out.length < digits) out += String(byte % 10);
    }
  }
  return out;
}

/**
 * An email address shown as a hint without revealing it: `alice@example.com` → `a***@e***.com`.
 *
 * @example
 * ```ts
 * maskEmail('alice@example.com'); // 'a***@e***.com'
 * ```
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}***@${domain[0] ?? ''}***${tld}`;
}

const HELPER = 'emailedCodeChallenge';
const METADATA_PREFIX = 'CODE-';

/**
 * A complete custom challenge: a one-time code emailed to the user, answered with
 * `auth.answerCustomChallenge(step, code)`. Deploy `define`, `create` and `verify` as the pool's three
 * auth-challenge triggers. The `CUSTOM_CHALLENGE` step's `parameters` are
 * `{ delivery: 'EMAIL', destination: 'a***@e***.com', codeLength: '6', attemptsLeft: '3' }`; a wrong answer
 * asks again with the same code (sent once) until `maxAttempts`, then the sign-in fails (`NotAuthorized`
 * for the app). The code is compared in constant time and kept in the challenge's private parameters and
 * metadata, which never reach the app. Invalid options throw at cold start.
 *
 * @example
 * ```ts
 * // triggers.ts — three Lambda functions, one module
 * const challenge = emailedCodeChallenge({ send: ({ email, code }) => sendCodeEmail(email, code) });
 * export const define = challenge.define;
 * export const create = challenge.create;
 * export const verify = challenge.verify;
 *
 * // app.ts
 * let step = (await auth.signIn({ username: 'alice@example.com', flow: 'CUSTOM_AUTH' }))._unsafeUnwrap();
 * if (step.step === 'CUSTOM_CHALLENGE') step = (await auth.answerCustomChallenge(step, codeFromUser))._unsafeUnwrap();
 * ```
 */
export function emailedCodeChallenge(options: EmailedCodeChallengeOptions): CustomChallengeTriggers {
  if (typeof options?.send !== 'function')
    throw new TypeError('emailedCodeChallenge: send must be a function');
  const length = options.codeLength ?? 6;
  if (!Number.isInteger(length) || length < 4 || length > 10) {
    throw new RangeError('emailedCodeChallenge: codeLength must be an integer from 4 to 10');
  }
  const maxAttempts = options.maxAttempts ?? 3;
  const policy = customChallengePolicy({ maxAttempts, passwordFirst: options.passwordFirst === true });
  const requireVerified = options.requireVerifiedEmail !== false;

  const create = createAuthChallenge(async ({ event, userName, userAttributes, session, previous }) => {
    const email = userAttributes.email;
    if (!email) throw new TriggerError(HELPER, 'event', 'the user has no email address to send the code to');
    if (requireVerified && userAttributes.email_verified !== 'true') {
      throw new TriggerError(
        HELPER,
        'event',
        "the user's email address is not verified; codes go to verified addresses only",
      );
    }
    const kept = previous?.challengeMetadata;
    const retry =
      previous !== undefined && !previous.challengeResult && kept?.startsWith(METADATA_PREFIX) === true;
    const code = retry && kept ? kept.slice(METADATA_PREFIX.length) : randomDigits(length);
    if (!retry) await options.send({ email, code, userName, event });
    const wrong = session.filter((c) => c.challengeName === 'CUSTOM_CHALLENGE' && !c.challengeResult).length;
    return {
      publicParameters: {
        delivery: 'EMAIL',
        destination: maskEmail(email),
        codeLength: String(length),
        attemptsLeft: String(maxAttempts - wrong),
      },
      privateParameters: { code },
      metadata: `${METADATA_PREFIX}${code}`,
    };
  });

  const verify = verifyAuthChallenge(({ answer, privateParameters }) => {
    const expected = privateParameters.code;
    return expected !== undefined && expected !== '' && constantTimeEqual(answer.trim(), expected);
  });

  return { define: defineAuthChallenge(policy), create, verify };
}
