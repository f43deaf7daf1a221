module.exports = {
  testEnvironment: 'node',
  // One worker per core: jest's default leaves one core to itself, which on two cores halves the speed.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest'],
  },
  // These are published as ES modules only; let swc compile them for jest's CommonJS runtime.
  transformIgnorePatterns: ['/node_modules/(?!(jose|@seriousme|oidc-provider|openid-client|oauth4webapi|koa|@koa|quick-lru|eta|nanoid|jsesc|@noble|fhir-kit-client)/)'],
  // Published with an `import` export condition only, which jest's CommonJS resolver does not read.
  moduleNameMapper: { '^fhir-kit-client$': '<rootDir>/node_modules/fhir-kit-client/dist/index.js' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
};
