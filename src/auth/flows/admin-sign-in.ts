import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import { advance } from '../advance.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { SIGN_IN_ERRORS, type SignInError } from '../errors.js';
import { type FlowState, flowSecrets } from '../flow-state.js';
import { stepFromSignInError } from '../map-auth-response.js';
import type { SignInStep } from '../steps.js';
import { loadDevice } from './sign-in.js';

/**
 * What a server knows about the request being signed in, for Cognito's threat protection
 * (`ContextData` of AdminInitiateAuth).
 *
 * @example
 * ```ts
 * const contextData: AdminContextData = {
 *   ipAddress: req.ip,
 *   serverName: 'auth.example.com',
 *   serverPath: '/login',
 *   httpHeaders: [{ headerName: 'user-agent', headerValue: req.get('user-agent') ?? '' }],
 * };
 * ```
 */
export interface AdminContextData {
  readonly ipAddress: string;
  readonly serverName: string;
  readonly serverPath: string;
  readonly httpHeaders: readonly { readonly headerName: string; readonly headerValue: string }[];
  /** The browser's encoded device fingerprint (advanced security), when collected. */
  readonly encodedData?: string;
}

/**
 * Input of `AuthClient.adminSignIn` (ADMIN_USER_PASSWORD_AUTH, signed with AWS credentials).
 *
 * @example
 * ```ts
 * const input: AdminSignInInput = { username: 'alice', password, contextData };
 * ```
 */
export interface AdminSignInInput {
  readonly username: string;
  readonly password: string;
  readonly clientMetadata?: Readonly<Record<string, string>>;
  readonly contextData?: AdminContextData;
  readonly deviceName?: string;
}

function validContextData(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    typeof d.ipAddress === 'string' &&
    typeof d.serverName === 'string' &&
    typeof d.serverPath === 'string' &&
    Array.isArray(d.httpHeaders) &&
    d.httpHeaders.every(
      (h: unknown) =>
        typeof h === 'object' &&
        h !== null &&
        typeof (h as Record<string, unknown>).headerName === 'string' &&
        typeof (h as Record<string, unknown>).headerValue === 'string',
    ) &&
    (d.encodedData === undefined || typeof d.encodedData === 'string')
  );
}

/**
 * Server-side sign-in through the admin API: AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH, then the
 * same steps as any sign-in. Steps remember they came from the admin API (`admin: true`), so the
 * transitions answer them with AdminRespondToAuthChallenge.
 *
 * @example
 * ```ts
 * adminSignIn(context, { username: 'alice', password });
 * ```
 */
export function adminSignIn(
  context: AuthContext,
  input: AdminSignInInput,
): ResultAsync<SignInStep, SignInError> {
  const { config, transport } = context;
  const username = input?.username;
  const password = input?.password;
  if (typeof username !== 'string' || username.length === 0) {
    return errAsync(makeError('InvalidParameter', 'username must be a non-empty string'));
  }
  if (typeof password !== 'string' || password.length === 0) {
    return errAsync(makeError('InvalidParameter', 'password must be a non-empty string'));
  }
  if (input.contextData !== undefined && !validContextData(input.contextData)) {
    return errAsync(
      makeError('InvalidParameter', 'contextData needs ipAddress, serverName, serverPath and httpHeaders'),
    );
  }
  const data = input.contextData;
  return loadDevice(context, username)
    .andThen((device) => {
      const state: FlowState = {
        username,
        password,
        admin: true,
        deviceName: input.deviceName ?? config.deviceName,
        ...(device ? { device } : {}),
        ...(input.clientMetadata ? { clientMetadata: input.clientMetadata } : {}),
      };
      return secretHashParameter(config, username)
        .andThen((hash) =>
          transport(
            'AdminInitiateAuth',
            {
              UserPoolId: config.userPoolId,
              ClientId: config.clientId,
              AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
              AuthParameters: {
                USERNAME: username,
                PASSWORD: password,
                ...(device ? { DEVICE_KEY: device.deviceKey } : {}),
                ...hash,
              },
              ...(input.clientMetadata ? { ClientMetadata: { ...input.clientMetadata } } : {}),
              ...(data
                ? {
                    ContextData: {
                      IpAddress: data.ipAddress,
                      ServerName: data.serverName,
                      ServerPath: data.serverPath,
                      HttpHeaders: data.httpHeaders.map((h) => ({
                        headerName: h.headerName,
                        headerValue: h.headerValue,
                      })),
                      ...(data.encodedData ? { EncodedData: data.encodedData } : {}),
                    },
                  }
                : {}),
            },
            { secrets: flowSecrets(config, state) },
          ),
        )
        .andThen((response) => advance(context, state, response));
    })
    .orElse((error) => stepFromSignInError(error, { clientId: config.clientId, username }))
    .mapErr((error) => narrowError(error, SIGN_IN_ERRORS));
}
