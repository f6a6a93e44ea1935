/**
 * `npm run serve` and `npm run web` (issue 14, item 3): the headless core as built JavaScript,
 * out/core/serve.js, run in this process (no TypeScript loader, no second Node). Sources newer than
 * the build are built first (scripts/fresh-build.js); with --web the app's pages too, which it
 * serves. Arguments and environment pass through to serve.ts as they are.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, ensureBuilt } from './fresh-build.js'

await ensureBuilt('core')
if (process.argv.includes('--web')) await ensureBuilt('app')
await import(pathToFileURL(join(ROOT, 'out/core/serve.js')).href)
