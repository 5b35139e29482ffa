import {
  type CognitoIdentityProviderClientResolvedConfig,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import type { AwsStub } from 'aws-sdk-client-mock';
import type { CustomChallengeTriggers } from '../../../src/triggers/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';
import type { SrpServer } from '../../support/srp-server.js';
import { ALICE, createEvent, defineEvent, verifyEvent } from './cognito-events.js';

type SessionEntry = DefineAuthChallengeTriggerEvent['request']['session'][number];

interface ServerSession {
  readonly entries: SessionEntry[];
  readonly privateParameters: Record<string, string>;
  readonly srpA?: string;
}

const notAuthorized = () =>
  new NotAuthorizedException({
    message: 'Incorrect username or password.',
    $metadata: { httpStatusCode: 400, requestId: 'req-custom' },
  });

/**
 * Plays Cognito's side of CUSTOM_AUTH on an aws-sdk-client-mock stub, the way the service does it: each
 * InitiateAuth / RespondToAuthChallenge runs the Define trigger on the session so far, then Create when
 * it asks for CUSTOM_CHALLENGE, Verify on every ANSWER. With an SRP server, a sign-in that starts with
 * SRP_A gets a real PASSWORD_VERIFIER challenge that only the right password passes.
 */
export function playCognito(
  cognito: AwsStub<ServiceInputTypes, ServiceOutputTypes, CognitoIdentityProviderClientResolvedConfig>,
  triggers: CustomChallengeTriggers,
  options: { userName?: string; userAttributes?: Record<string, string>; srp?: SrpServer } = {},
) {
  const userName = options.userName ?? 'alice';
  const userAttributes = options.userAttributes ?? ALICE;
  const sessions = new Map<string, ServerSession>();
  const log: string[] = [];
  let counter = 0;

  const tokens = () => ({
    AuthenticationResult: {
      IdToken: fakeIdToken(userName),
      AccessToken: fakeAccessToken(userName),
      RefreshToken: 'refresh-token-custom-auth',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    },
  });

  /** Runs Define on the session; then Create, tokens or a failure. */
  async function next(entries: SessionEntry[], srpA?: string) {
    const defined = await triggers.define(defineEvent(entries, { userAttributes }));
    const { response } = defined;
    log.push(
      `define → ${response.issueTokens ? 'ISSUE_TOKENS' : response.failAuthentication ? 'FAIL' : response.challengeName}`,
    );
    if (response.failAuthentication) throw notAuthorized();
    if (response.issueTokens) return tokens();
    counter += 1;
    const id = `session-${counter}`;
    if (response.challengeName === 'PASSWORD_VERIFIER' && options.srp) {
      sessions.set(id, { entries, privateParameters: {}, ...(srpA !== undefined ? { srpA } : {}) });
      return {
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: id,
        ChallengeParameters: {
          SALT: options.srp.salt,
          SRP_B: options.srp.srpB,
          SECRET_BLOCK: options.srp.secretBlock,
          USER_ID_FOR_SRP: userName,
          USERNAME: userName,
        },
      };
    }
    if (response.challengeName !== 'CUSTOM_CHALLENGE')
      throw new Error(`unexpected ${response.challengeName}`);
    const created = await triggers.create(createEvent(entries, { userAttributes }));
    log.push(`create → ${JSON.stringify(created.response.publicChallengeParameters)}`);
    const metadata = created.response.challengeMetadata;
    // Cognito records the metadata with the challenge's result in the session of the next rounds.
    sessions.set(id, {
      entries: [...entries],
      privateParameters: { ...created.response.privateChallengeParameters, __metadata: metadata },
    });
    return {
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: id,
      ChallengeParameters: { ...created.response.publicChallengeParameters, USERNAME: userName },
    };
  }

  cognito.on(InitiateAuthCommand).callsFake(async (input: InitiateAuthCommandInput) => {
    if (input.AuthFlow !== 'CUSTOM_AUTH') throw new Error(`unexpected flow ${input.AuthFlow}`);
    const srpA = input.AuthParameters?.SRP_A;
    const entries: SessionEntry[] =
      input.AuthParameters?.CHALLENGE_NAME === 'SRP_A'
        ? [{ challengeName: 'SRP_A', challengeResult: true }]
        : [];
    return next(entries, srpA);
  });

  cognito.on(RespondToAuthChallengeCommand).callsFake(async (input: RespondToAuthChallengeCommandInput) => {
    const session = sessions.get(input.Session ?? '');
    if (!session) throw notAuthorized();
    sessions.delete(input.Session ?? '');
    const answers = input.ChallengeResponses ?? {};
    if (input.ChallengeName === 'PASSWORD_VERIFIER' && options.srp) {
      const ok = await options.srp.verify({
        srpA: session.srpA ?? '',
        signature: answers.PASSWORD_CLAIM_SIGNATURE ?? '',
        timestamp: answers.TIMESTAMP ?? '',
        secretBlock: answers.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
      });
      log.push(`password → ${ok}`);
      if (!ok) throw notAuthorized();
      return next([...session.entries, { challengeName: 'PASSWORD_VERIFIER', challengeResult: true }]);
    }
    const { __metadata: metadata, ...privateParameters } = session.privateParameters;
    const verified = await triggers.verify(
      verifyEvent(answers.ANSWER ?? '', privateParameters, { userAttributes }),
    );
    const correct = verified.response.answerCorrect;
    log.push(`verify → ${correct}`);
    return next([
      ...session.entries,
      {
        challengeName: 'CUSTOM_CHALLENGE',
        challengeResult: correct,
        ...(metadata ? { challengeMetadata: metadata } : {}),
      },
    ]);
  });

  return { log };
}
