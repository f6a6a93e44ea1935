/**
 * The static module graph of an entry point, read from the sources as the bundler reads them:
 * every value import, re-export and dynamic import, following relative paths into .ts and .vue
 * files. `import type` and `export type` are left out, as they leave no trace in a bundle; an
 * `import { type X }` is kept, since verbatimModuleSyntax keeps it as a side-effect import.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const ROOT = join(import.meta.dirname, '../../..')

export interface ModuleGraph {
  /** Source files reached, relative to the repository root. */
  files: string[]
  /** Package -> the import chain (root-relative files) that first reached it. */
  packages: Map<string, string[]>
}

/** Root-relative, with forward slashes on every platform. */
const fromRoot = (file: string): string => relative(ROOT, file).replaceAll('\\', '/')

/** The code a .vue file runs: its <script> blocks. */
function scriptOf(file: string): string {
  const source = readFileSync(file, 'utf8')
  if (!file.endsWith('.vue')) return source
  return [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
}

function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** A relative import as a file, or undefined for assets (styles, images) that carry no code. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''))
  const candidate = [base, `${base}.ts`, join(base, 'index.ts')].find(
    (path) => /\.(ts|vue)$/.test(path) && existsSync(path)
  )
  if (!candidate && !/\.(css|svg|png|wav|mp3|html)$/.test(base)) {
    throw new Error(`${fromRoot(from)}: cannot resolve ${specifier}`)
  }
  return candidate
}

const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

export function moduleGraph(entry: string): ModuleGraph {
  const start = join(ROOT, entry)
  const chains = new Map<string, string[]>([[start, [entry]]])
  const packages = new Map<string, string[]>()
  const queue = [start]
  for (let file = queue.shift(); file; file = queue.shift()) {
    const chain = chains.get(file) ?? []
    for (const specifier of specifiersOf(file)) {
      if (!specifier.startsWith('.')) {
        const name = packageOf(specifier)
        if (!packages.has(name)) packages.set(name, [...chain, name])
        continue
      }
      const target = resolveRelative(file, specifier)
      if (!target || chains.has(target)) continue
      chains.set(target, [...chain, fromRoot(target)])
      queue.push(target)
    }
  }
  return { files: [...chains.keys()].map(fromRoot), packages }
}
