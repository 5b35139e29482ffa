import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_TOTP_ISSUER } from 'cognito-flow';
import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshTotpCode } from '../../support/totp.js';
import {
  clientsFor,
  NEW_PASSWORD,
  stack,
  TEMPORARY_PASSWORD,
  totpRequiredPool,
  uniqueUsername,
} from '../clients.js';
import { cliEnv, ensureBuiltCli, poolFlags, runCli, runCliInPty } from './run-cli.js';

/** A TOTP code with at least 10 s of its period left (the CLI needs a few seconds to start and sign in). */
function codeWithTimeToSpare(secret: string): Promise<string> {
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret.toUpperCase()),
    digits: 6,
    period: 30,
  });
  return freshTotpCode(totp, 10_000);
}

// moto runs with MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true: TOTP codes are checked for real.
describe.skipIf(!stack)(
  'cognito-flow sign-in with TOTP MFA (the built binary in a terminal, against moto)',
  () => {
    const s = stack as NonNullable<typeof stack>;
    let userPoolId = '';
    let clientId = '';
    let username = '';
    let secret = '';
    const flags = () => [
      'sign-in',
      ...poolFlags(userPoolId, clientId, s.endpoint),
      '--flow',
      'password',
      '--username',
      username,
    ];

    beforeAll(async () => {
      ensureBuiltCli();
      const { idp } = clientsFor(s);
      ({ userPoolId, clientId } = await totpRequiredPool(s, 'cognito-flow-cli-mfa'));
      username = uniqueUsername('cli-totp');
      await idp.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          TemporaryPassword: TEMPORARY_PASSWORD,
          MessageAction: 'SUPPRESS',
        }),
      );
    }, 900_000);

    it('new password, then MFA_SETUP: the otpauth URI as a QR code and the secret, then the app code signs in', async () => {
      const run = await runCliInPty(flags(), [
        { expect: 'Password', send: `${TEMPORARY_PASSWORD}\r` },
        { expect: 'New password', send: `${NEW_PASSWORD}\r` },
        { expect: 'Repeat it', send: `${NEW_PASSWORD}\r` },
        {
          expect: 'Or enter the secret by hand: (\\S+)[\\s\\S]*Code from your authenticator app',
          totpFromMatch: true,
        },
      ]);
      expect(run.pendingStep, run.terminal).toBeNull();
      expect(run.exitCode, run.terminal).toBe(0);
      expect(run.terminal).toContain('This user must set up MFA before signing in.');
      secret = /Or enter the secret by hand: (\S+)/.exec(run.terminal)?.[1] ?? '';
      expect(secret).not.toBe('');
      expect(run.terminal).toContain('Scan this QR code with your authenticator app:');
      expect(run.terminal).toMatch(/[▀▄█]{10}/);
      expect(run.terminal).toContain(
        `otpauth URI: otpauth://totp/${encodeURIComponent(DEFAULT_TOTP_ISSUER)}:${username}?secret=${secret}&issuer=`,
      );
      expect(run.terminal).not.toContain(NEW_PASSWORD);
      expect(JSON.parse(run.stdout).idToken).toMatch(/^ey/);
    }, 60_000);

    it('the next sign-in asks for the authenticator code (SOFTWARE_TOKEN_MFA) in the terminal', async () => {
      expect(secret).not.toBe('');
      const run = await runCliInPty(flags(), [
        { expect: 'Password', send: `${NEW_PASSWORD}\r` },
        { expect: 'Code from your authenticator app', totpSecret: secret },
      ]);
      expect(run.exitCode, run.terminal).toBe(0);
      expect(JSON.parse(run.stdout).accessToken).toMatch(/^ey/);
    }, 60_000);

    it('non-interactively: --code signs in (with a ps warning); a wrong COGNITO_CODE exits 1; no code without a terminal exits 2', async () => {
      expect(secret).not.toBe('');
      const env = cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD });
      const ok = await runCli([...flags(), '--code', await codeWithTimeToSpare(secret)], { env });
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(ok.stderr).toContain(
        '--code is visible to other users (ps); prefer COGNITO_CODE or --code-stdin',
      );

      const wrong = await runCli(flags(), {
        env: cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD, COGNITO_CODE: '000000' }),
      });
      expect(wrong.exitCode).toBe(1);
      expect(wrong.stderr).toMatch(/^cognito-flow: Checking the code failed \(CodeMismatch\): [^\n]*\n$/);

      const missing = await runCli(flags(), { env, timeoutMs: 10_000 });
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toBe(
        'cognito-flow: Code from your authenticator app is needed but there is no terminal to ask on: set COGNITO_CODE (or pass --code-stdin)\n',
      );
    }, 60_000);
  },
);
