// The story's stack (pools, clients, identity pool) provisioned through cognito-flow/admin: the code `cognito-flow demo` ships with (src/cli/demo), shared by the examples and tests.
export * from '../../src/cli/demo/provision.js';
