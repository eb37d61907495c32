/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } },
    ],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/setup/env.mjs'],
  // One real PostgreSQL server per run, from npm (test/setup/postgres-global.mjs), unless
  // GITGRANT_TEST_PG_URL names one.
  globalSetup: '<rootDir>/test/setup/postgres-global.mjs',
  globalTeardown: '<rootDir>/test/setup/postgres-teardown.mjs',
};
