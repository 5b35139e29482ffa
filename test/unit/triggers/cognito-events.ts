import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PostConfirmationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';

/**
 * Events shaped as Cognito sends them, typed with `@types/aws-lambda`. Where Cognito sends `null` for a
 * response field the handler fills in (as it does), the builders do too, through a cast: the published
 * types say `boolean`, the wire says `null`.
 */

export const USER_POOL_ID = 'eu-west-1_AbC123';
export const CLIENT_ID = '1example23456789';

const common = {
  region: 'eu-west-1',
  userPoolId: USER_POOL_ID,
  userName: 'alice',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT_ID },
};

export const ALICE = {
  sub: '8f4e2c1a-1111-2222-3333-444455556666',
  'cognito:user_status': 'CONFIRMED',
  email_verified: 'true',
  email: 'alice@example.com',
};

type Session = DefineAuthChallengeTriggerEvent['request']['session'];

export function defineEvent(
  session: Session,
  request: Partial<DefineAuthChallengeTriggerEvent['request']> = {},
): DefineAuthChallengeTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource: 'DefineAuthChallenge_Authentication',
    request: { userAttributes: ALICE, session, userNotFound: false, ...request },
    response: { challengeName: null, issueTokens: null, failAuthentication: null } as never,
  };
}

export function createEvent(
  session: Session,
  request: Partial<CreateAuthChallengeTriggerEvent['request']> = {},
): CreateAuthChallengeTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource: 'CreateAuthChallenge_Authentication',
    request: {
      userAttributes: ALICE,
      challengeName: 'CUSTOM_CHALLENGE',
      session,
      userNotFound: false,
      ...request,
    },
    response: {
      publicChallengeParameters: null,
      privateChallengeParameters: null,
      challengeMetadata: null,
    } as never,
  };
}

export function verifyEvent(
  answer: string,
  privateChallengeParameters: Record<string, string>,
  request: Partial<VerifyAuthChallengeResponseTriggerEvent['request']> = {},
): VerifyAuthChallengeResponseTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    request: {
      userAttributes: ALICE,
      privateChallengeParameters,
      challengeAnswer: answer,
      userNotFound: false,
      ...request,
    },
    response: { answerCorrect: null } as never,
  };
}

export function preSignUpEvent(
  triggerSource: PreSignUpTriggerEvent['triggerSource'],
  userAttributes: Record<string, string>,
): PreSignUpTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource,
    request: { userAttributes, validationData: undefined },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  } as PreSignUpTriggerEvent;
}

export function postConfirmationEvent(
  triggerSource: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp',
  userAttributes: Record<string, string> = ALICE,
): PostConfirmationTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource,
    request: { userAttributes, clientMetadata: { plan: 'pro' } },
    response: {},
  } as PostConfirmationTriggerEvent;
}

export const GROUPS = {
  groupsToOverride: ['admins', 'staff'],
  iamRolesToOverride: ['arn:aws:iam::123456789012:role/admins'],
  preferredRole: 'arn:aws:iam::123456789012:role/admins',
};

export function preTokenEvent(
  triggerSource: PreTokenGenerationTriggerEvent['triggerSource'] = 'TokenGeneration_Authentication',
): PreTokenGenerationTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource,
    request: { userAttributes: ALICE, groupConfiguration: GROUPS, clientMetadata: {} },
    response: { claimsOverrideDetails: null } as never,
  } as PreTokenGenerationTriggerEvent;
}

export function preTokenV2Event(
  triggerSource: PreTokenGenerationV2TriggerEvent['triggerSource'] = 'TokenGeneration_HostedAuth',
  version: '2' | '3' = '2',
): PreTokenGenerationV2TriggerEvent {
  return {
    ...common,
    version,
    triggerSource,
    request: {
      userAttributes: ALICE,
      groupConfiguration: GROUPS,
      scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
    },
    response: { claimsAndScopeOverrideDetails: null } as never,
  } as PreTokenGenerationV2TriggerEvent;
}

export function migrationEvent(
  triggerSource: UserMigrationTriggerEvent['triggerSource'],
  password = 'Legacy-Passw0rd!',
): UserMigrationTriggerEvent {
  return {
    ...common,
    version: '1',
    triggerSource,
    request:
      triggerSource === 'UserMigration_Authentication' ? { password, validationData: {} } : ({} as never),
    response: {
      userAttributes: null,
      finalUserStatus: null,
      messageAction: null,
      desiredDeliveryMediums: null,
      forceAliasCreation: null,
    } as never,
  } as UserMigrationTriggerEvent;
}
