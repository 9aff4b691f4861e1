import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: ['default'],
    // The wasm backend's kernels are build output: compiled once up front, then
    // registered in every test file beside reference and fast.
    globalSetup: ['tests/unit/setup/build-wasm.ts'],
    setupFiles: ['tests/unit/setup/register-wasm.ts'],
  },
});
