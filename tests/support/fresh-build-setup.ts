/**
 * Before the tests that spawn the headless core (`npm run serve`, `npm run web`) or load the built
 * pages: build the core and the app, each only if its sources changed, as those scripts would
 * (scripts/fresh-build.js), so no test waits for a build.
 */
import { ensureBuilt } from '../../scripts/fresh-build.js'

export default async function setup(): Promise<void> {
  await ensureBuilt('core')
  await ensureBuilt('app')
}
