/**
 * Checks a GitHub Actions workflow against SchemaStore's workflow schema, which
 * @action-validator/core bundles (compiled to wasm): it works offline, so `npm run lint` catches a
 * misspelt key or a missing `runs-on` here rather than on GitHub after a push.
 */
import { validateWorkflow, type ValidationError } from '@action-validator/core'

/** One line per problem ("/jobs/test: Additional property 'stepz' is not allowed"); none when valid. */
export function workflowProblems(yamlText: string): string[] {
  return validateWorkflow(yamlText).errors.flatMap(describe)
}

function describe(error: ValidationError): string[] {
  // A failed oneOf lists every alternative's errors (a job may be steps or a reusable workflow):
  // the alternative that came closest is the one the author meant.
  const states = 'states' in error ? (error.states ?? []) : []
  if (states.length > 0) {
    const closest = states.reduce((a, b) => (b.errors.length < a.errors.length ? b : a))
    return closest.errors.flatMap(describe)
  }
  const where =
    'path' in error
      ? error.path || '/'
      : error.location
        ? `line ${error.location.line}:${error.location.column}`
        : 'file'
  return [`${where}: ${error.detail ?? error.title}`]
}
