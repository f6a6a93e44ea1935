/**
 * The workflow check `npm run lint` runs (SchemaStore's schema, bundled by @action-validator/core):
 * the repository's workflows pass it, and a broken one is rejected with a line saying where.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workflowProblems } from '../../scripts/workflow-schema'

const WORKFLOWS = join(import.meta.dirname, '../../.github/workflows')
const read = (name: string): string => readFileSync(join(WORKFLOWS, name), 'utf8')

const VALID = `name: X
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`

describe('workflowProblems', () => {
  it('accepts a valid workflow', () => {
    expect(workflowProblems(VALID)).toEqual([])
  })

  it('rejects a misspelt key, naming the job and the key', () => {
    const broken = VALID.replace('steps:', 'stepz:')
    expect(workflowProblems(broken)).toEqual([
      "/jobs/test: Additional property 'stepz' is not allowed"
    ])
  })

  it('rejects a job without runs-on', () => {
    const broken = VALID.replace('    runs-on: ubuntu-latest\n', '')
    expect(workflowProblems(broken).join('\n')).toMatch(/runs-on/)
  })

  it('rejects a workflow without a trigger', () => {
    expect(workflowProblems(VALID.replace('on: push\n', '')).join('\n')).toMatch(/\/on/)
  })

  it('rejects YAML that does not parse, with its line', () => {
    expect(workflowProblems('on: [push\n').join('\n')).toMatch(/line 2/)
  })

  it.each(['ci.yml', 'release.yml'])('passes the repository workflow %s', (name) => {
    expect(workflowProblems(read(name))).toEqual([])
  })
})

describe('ci.yml', () => {
  const ci = read('ci.yml')

  it('runs on every push and pull request', () => {
    expect(ci).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m)
  })

  it('runs npm test with the real Electron binary under a virtual display', () => {
    expect(ci).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/)
    expect(ci).toMatch(/run: npx --no install-electron/)
    expect(ci).toMatch(/run: xvfb-run -a npm test/)
  })

  it("gives the browser tests the runner's Chrome and the sandbox its user namespaces", () => {
    expect(ci).toMatch(/CHROMIUM_PATH=\$chrome" >> "\$GITHUB_ENV"/)
    expect(ci).toMatch(/sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0/)
  })

  it('runs the Electron smoke test on macOS and Windows', () => {
    expect(ci).toMatch(/os: \[macos-latest, windows-latest\]/)
    expect(ci).toMatch(/run: npx vitest run --project electron/)
  })
})
