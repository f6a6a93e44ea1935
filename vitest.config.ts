import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/shared/**/*.test.ts',
            'tests/main/**/*.test.ts',
            'tests/preload/**/*.test.ts',
            'tests/build/**/*.test.ts'
          ],
          exclude: ['tests/**/*.integration.test.ts', 'tests/build/packaging.test.ts']
        }
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/**/*.integration.test.ts'],
          // Builds the core and pages if their sources changed: several tests spawn `npm run serve`/`web`.
          globalSetup: ['tests/support/fresh-build-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000
        }
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
          setupFiles: ['tests/renderer/support/renderer-setup.ts']
        }
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: real audio and WebRTC on two cores.
          fileParallelism: false
        }
      },
      {
        test: {
          // Builds the app and packs it with electron-builder against a stub Electron (~15 s).
          // It rebuilds out/, which the e2e tests serve: `npm test` runs it after them, not beside.
          name: 'packaging',
          environment: 'node',
          include: ['tests/build/packaging.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          // The real Electron app through Playwright; skipped where the Electron binary is absent.
          name: 'electron',
          environment: 'node',
          include: ['tests/e2e/electron-*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      }
    ]
  }
})
