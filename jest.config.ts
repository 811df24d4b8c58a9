import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { compilerOptions } from './tsconfig.base.json';

// One jest run covers every project so `npm test` prints a single summary;
// nx's per-project `test` targets reuse these settings through --selectProjects.
const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../' });
const project = (name: string) => ({
  displayName: name,
  rootDir: `<rootDir>/${name}`,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json', isolatedModules: true }] },
  moduleNameMapper,
  testMatch: ['**/*.spec.ts'],
});

const config: Config = {
  projects: ['engine', 'modules-catalog', 'plugins', 'test'].map(project),
  reporters: ['default', '<rootDir>/test/summary.reporter.js'],
};

export default config;
