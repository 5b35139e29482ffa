import type { TriggerHandler } from './common-types.js';
import { type PreSignUpEvent, type PreSignUpSource, preSignUp } from './pre-sign-up.js';

/**
 * Options of {@link autoConfirmByDomain}.
 *
 * @example
 * ```ts
 * const options: AutoConfirmByDomainOptions = { domains: ['example.com'], rejectOthers: true };
 * ```
 */
export interface AutoConfirmByDomainOptions {
  /** Email domains whose users are confirmed without a code (exact match, case-insensitive). */
  readonly domains: readonly string[];
  /** Also mark their email verified (default true). */
  readonly verifyEmail?: boolean;
  /** Refuse self-service sign-ups from any other domain (default false: they confirm with a code as usual). */
  readonly rejectOthers?: boolean;
  /** Which sign-ups to apply this to (default only `PreSignUp_SignUp`: IdP-asserted emails are not trusted for verification). */
  readonly sources?: readonly PreSignUpSource[];
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * A Pre sign-up handler that confirms (and by default verifies the email of) users whose email is at one
 * of `domains`, e.g. a company's own staff, and optionally refuses everyone else. Invalid options throw
 * at cold start.
 *
 * @example
 * ```ts
 * export const handler = autoConfirmByDomain({ domains: ['example.com', 'example.org'], rejectOthers: true });
 * ```
 */
export function autoConfirmByDomain(options: AutoConfirmByDomainOptions): TriggerHandler<PreSignUpEvent> {
  const domains = new Set((options?.domains ?? []).map((d) => String(d).toLowerCase()));
  if (domains.size === 0 || ![...domains].every((d) => DOMAIN.test(d))) {
    throw new TypeError(
      'autoConfirmByDomain: domains must be a non-empty list of domain names such as "example.com"',
    );
  }
  const sources = options.sources ?? ['PreSignUp_SignUp'];
  const verifyEmail = options.verifyEmail !== false;
  return preSignUp(({ userAttributes, triggerSource }) => {
    if (!sources.includes(triggerSource)) return {};
    const email = userAttributes.email?.trim().toLowerCase() ?? '';
    const at = email.lastIndexOf('@');
    const inDomain = at > 0 && domains.has(email.slice(at + 1));
    if (inDomain) return { autoConfirm: true, autoVerifyEmail: verifyEmail };
    if (options.rejectOthers === true && triggerSource === 'PreSignUp_SignUp') {
      throw new Error(`Sign-up is open to addresses at ${[...domains].join(', ')} only`);
    }
    return {};
  });
}
