import { mintTokens } from 'cognito-flow/testing';
import { cognitoMatchers } from 'cognito-flow/testing/vitest';
import { err, ok, okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';

const notAuthorized = err({
  type: 'NotAuthorized',
  message: 'Incorrect username or password.',
  retryable: false,
});
const session = 'AYABeSecretSessionBlob0123456789';
const smsStep = ok({ step: 'SMS_MFA', session, clientId: 'web', username: 'dave', expiresAt: 1 });

/** The message a failed assertion throws. */
function failure(assert: () => void): string {
  try {
    assert();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('toBeOk / toBeErr', () => {
  it('pass on the matching variant and fail on the other, printing the Result', () => {
    expect(ok(42)).toBeOk();
    expect(notAuthorized).toBeErr();
    expect(notAuthorized).not.toBeOk();
    expect(ok(1)).not.toBeErr();
    expect(failure(() => expect(notAuthorized).toBeOk())).toBe(
      'expected an Ok Result, got Err({\n  "type": "NotAuthorized",\n  "message": "Incorrect username or password.",\n  "retryable": false\n})',
    );
    expect(failure(() => expect(ok({ answer: 42 })).toBeErr())).toBe(
      'expected an Err Result, got Ok({\n  "answer": 42\n})',
    );
    expect(failure(() => expect(ok(1)).not.toBeOk())).toBe('expected a Result that is not Ok, got Ok(1)');
  });

  it('say so when given something that is not a Result, or a ResultAsync not awaited', () => {
    expect(failure(() => expect({ step: 'SIGNED_IN' }).toBeOk())).toBe(
      'expected an Ok Result, got {\n  "step": "SIGNED_IN"\n}, which is not a Result',
    );
    expect(failure(() => expect(okAsync(1)).toBeOk())).toBe(
      'expected an Ok Result, got a ResultAsync or Promise (await it before asserting)',
    );
    expect(failure(() => expect(undefined).toBeErr())).toBe(
      'expected an Err Result, got undefined, which is not a Result',
    );
  });
});

describe('toBeErrType', () => {
  it('passes on an Err of that type only', () => {
    expect(notAuthorized).toBeErrType('NotAuthorized');
    expect(notAuthorized).not.toBeErrType('CodeMismatch');
    expect(failure(() => expect(notAuthorized).toBeErrType('CodeMismatch'))).toMatch(
      /^expected Err of type CodeMismatch, got Err\(\{\n {2}"type": "NotAuthorized"/,
    );
    expect(failure(() => expect(ok(1)).toBeErrType('CodeMismatch'))).toBe(
      'expected Err of type CodeMismatch, got Ok(1)',
    );
    expect(failure(() => expect(notAuthorized).not.toBeErrType('NotAuthorized'))).toMatch(
      /^expected a Result that is not Err of type NotAuthorized/,
    );
  });

  it('leaves the SDK cause out of the message', () => {
    const withCause = err({
      type: 'Unexpected',
      message: 'boom',
      retryable: false,
      cause: { password: 'hunter22' },
    });
    expect(failure(() => expect(withCause).toBeOk())).not.toContain('hunter22');
  });
});

describe('toBeAtStep', () => {
  it('passes on an Ok step (or a bare step) of that name', () => {
    expect(smsStep).toBeAtStep('SMS_MFA');
    expect(smsStep._unsafeUnwrap()).toBeAtStep('SMS_MFA');
    expect(smsStep).not.toBeAtStep('SIGNED_IN');
  });

  it('prints the actual step with its session redacted', () => {
    const message = failure(() => expect(smsStep).toBeAtStep('SIGNED_IN'));
    expect(message).toMatch(
      /^expected step SIGNED_IN, got Ok\(\{\n {2}"step": "SMS_MFA",\n {2}"session": "\[REDACTED\]"/,
    );
    expect(message).not.toContain(session);
    expect(failure(() => expect(notAuthorized).toBeAtStep('SIGNED_IN'))).toMatch(
      /^expected step SIGNED_IN, got Err\(/,
    );
    expect(failure(() => expect(smsStep).not.toBeAtStep('SMS_MFA'))).toMatch(
      /^expected a step other than SMS_MFA, got Ok\(/,
    );
  });

  it('redacts tokens of a signed-in step, by field name and by JWT shape', () => {
    const tokens = mintTokens();
    const step = ok({
      step: 'SIGNED_IN',
      username: 'carol',
      tokens: {
        idToken: tokens.idToken,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: 5,
      },
      note: `bearer ${tokens.accessToken}`,
    });
    const message = failure(() => expect(step).toBeAtStep('NEW_PASSWORD_REQUIRED'));
    for (const secret of [tokens.idToken, tokens.accessToken, tokens.refreshToken])
      expect(message).not.toContain(secret);
    expect(message).toContain('"note": "bearer [REDACTED]"');
    expect(message).toContain('"expiresAt": 5');
  });
});

describe('cognitoMatchers', () => {
  it('exports the same matchers for a setup file of your own', () => {
    expect(Object.keys(cognitoMatchers).sort()).toEqual(['toBeAtStep', 'toBeErr', 'toBeErrType', 'toBeOk']);
    expect(cognitoMatchers.toBeErrType(notAuthorized, 'NotAuthorized').pass).toBe(true);
    expect(cognitoMatchers.toBeAtStep(notAuthorized, 'SIGNED_IN').pass).toBe(false);
  });
});
