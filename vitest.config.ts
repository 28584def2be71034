import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Sized for a 2-core machine running three copies of the suite at once (migrations through
    // the Prisma CLI, several processes on one database took over 20 s there); a passing test
    // ends as soon as it is done, so only a hung one waits this long.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
