import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // UI steps wait for the page; a poll that gives up after the default second makes flaky tests.
    expect: { poll: { timeout: 10_000 } },
  },
});
