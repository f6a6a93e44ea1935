/**
 * `npm run hub -- add-desk <name> | desks | remove <name>`: pairing desks with a headless hub
 * (`npm run serve`) from its own machine. See hub-commands.ts for the commands and exit codes.
 */
import { runHubCli } from './hub-commands'

runHubCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`)
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `The hub command stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`
    )
    process.exitCode = 1
  }
)
