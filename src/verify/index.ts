/**
 * `cognito-flow/verify`: verification of Cognito user-pool tokens for services that receive them, built on
 * aws-jwt-verify. Imports nothing from the user-pool client.
 *
 * @module cognito-flow/verify
 */
export type { InvalidTokenError, InvalidTokenReason } from '../errors/types.js';
export type { AccessTokenClaims, CommonClaims, IdTokenClaims } from '../tokens/claims.js';
export type { JsonWebKeySet, JwksSource } from './jwks-source.js';
export { TokenVerifier, type VerifiedClaims } from './token-verifier.js';
export type { TokenVerifierConfig, VerifyOptions } from './verifier-config.js';
