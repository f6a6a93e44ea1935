import { DOMWrapper } from '@vue/test-utils'

/** A button's accessible name: aria-label when set, else its text. */
export function accessibleName(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim()
}

function buttonsIn(root: { element: Element }): HTMLButtonElement[] {
  return Array.from(root.element.querySelectorAll('button'))
}

/** The one button named `name`, the way a screen reader (or Playwright's getByRole) finds it. */
export function button(root: { element: Element }, name: string): DOMWrapper<HTMLButtonElement> {
  const all = buttonsIn(root)
  const matches = all.filter((candidate) => accessibleName(candidate) === name)
  if (matches.length !== 1) {
    const names = JSON.stringify(all.map(accessibleName))
    throw new Error(`Expected one button named "${name}", found ${matches.length} among ${names}`)
  }
  return new DOMWrapper(matches[0]!)
}

export function hasButton(root: { element: Element }, name: string): boolean {
  return buttonsIn(root).some((candidate) => accessibleName(candidate) === name)
}
