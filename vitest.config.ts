import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Builder component tests (*.test.tsx) need JSX; they pick happy-dom with a file comment.
  plugins: [react()],
  test: {
    include: ['{db,nodes,runtime,builder,examples}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./runtime/test/support/global-setup.ts'],
    setupFiles: ['./runtime/test/support/quiet-temporal.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Temporal servers and PGlite instances are heavy; two cores means two forks at most.
    pool: 'forks',
    maxWorkers: 2,
  },
});
