/** A catalogue (src/shared/i18n/<language>), or one of its areas: texts nested by key. */
export type Tree = { readonly [key: string]: string | Tree }

/** Every text of `tree` by its dotted key, as `t()` names it ("calls.toast.answer"). */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') found.set(path, value)
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text)
  }
  return found
}
