/**
 * The preload imports the frame types and the channel names; neither may bring zod with it (the
 * preload must stay small). This follows the imports that survive compilation (not `import type`)
 * from each file, as a bundler would.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../src')

/** The modules a file loads at run time: imports and re-exports that are not type-only. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const found: string[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      const bindings = clause?.namedBindings
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.every((element) => element.isTypeOnly)))
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      !statement.isTypeOnly
    ) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return found
}

/** Every package a file loads, directly or through our own modules. */
function packagesLoadedBy(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  for (const specifier of runtimeImports(file)) {
    if (!specifier.startsWith('.')) {
      packages.add(specifier)
      continue
    }
    for (const name of packagesLoadedBy(join(dirname(file), `${specifier}.ts`), seen)) {
      packages.add(name)
    }
  }
  return packages
}

describe('what the frame definitions cost a client', () => {
  it.each(['shared/command-protocol.ts', 'shared/ipc.ts'])('%s loads no package at all', (file) => {
    expect([...packagesLoadedBy(join(SRC, file))]).toEqual([])
  })

  it('the schemas main validates frames with are where zod is', () => {
    expect([...packagesLoadedBy(join(SRC, 'shared/command-protocol-schemas.ts'))]).toEqual(['zod'])
  })
})
