const { projectConfig } = require('../../jest.preset.cjs');

// Browser journeys against the running stack; tools/ci/test.mjs starts it and sets E2E_WEB_URL.
module.exports = {
  ...projectConfig(__dirname, 'web-e2e'),
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
