/**
 * `npm run lint:workflows`: validates every workflow in .github/workflows (ci.yml, release.yml)
 * against the bundled schema, printing each problem with its file; exit code 1 if there is any.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { workflowProblems } from './workflow-schema'

const dir = join(import.meta.dirname, '../.github/workflows')
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))
let failed = files.length === 0
if (failed) console.error(`No workflow files in ${dir}.`)
for (const name of files) {
  for (const problem of workflowProblems(readFileSync(join(dir, name), 'utf8'))) {
    console.error(`.github/workflows/${name} ${problem}`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
