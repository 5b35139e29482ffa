export type { AttributeMap, UserAttributes } from '../attributes/types.js';
export type * from '../errors/types.js';
export {
  AdminClient,
  type AdminClientConfig,
  type AdminCreateUserError,
  type AdminCreateUserInput,
} from './admin-client.js';
export type { AdminOperations, AdminTransport } from './admin-transport.js';
export { type AdminUser, adminUserFromSdk } from './user.js';
