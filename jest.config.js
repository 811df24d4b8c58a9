// One jest run covers every project so `npm test` prints a single summary;
// nx's per-project `test` targets reuse these settings through --selectProjects.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../' });
const project = (name) => ({
  displayName: name,
  rootDir: `<rootDir>/${name}`,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper,
  testMatch: ['**/*.spec.ts'],
  // End-to-end suites start a real server and database per file.
  ...(name === 'test' && { testPathIgnorePatterns: ['/bench/', '/browser/'] }),
});

// Browser tests drive Chromium against the built Studio and a real server; their
// global setup builds the Studio first when dist/studio is missing or older than its sources.
const browser = {
  displayName: 'browser',
  rootDir: '<rootDir>/test/browser',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../../' }),
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/support/build-studio.global-setup.js',
};

// The Studio's pure logic (no DOM, no rendering) runs under Node with the Studio's
// own compiler settings; its specs import their globals from @jest/globals.
const studio = {
  displayName: 'studio',
  rootDir: '<rootDir>/studio',
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [...['engine', 'modules-catalog', 'plugins', 'runtime', 'test'].map(project), studio, browser],
  reporters: ['default', '<rootDir>/test/summary.reporter.js'],
  // End-to-end suites start a real server and database; unit tests finish far sooner.
  testTimeout: 120_000,
};
