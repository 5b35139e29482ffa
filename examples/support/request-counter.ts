// Counting requests per step: the code `cognito-flow demo` ships with (src/cli/demo), shared by the examples and tests.
export * from '../../src/cli/demo/request-counter.js';
