// Starting and stopping moto_server on loopback: the code `cognito-flow demo` ships with (src/cli/demo), shared by the examples and tests.
export * from '../../src/cli/demo/moto-server.js';
