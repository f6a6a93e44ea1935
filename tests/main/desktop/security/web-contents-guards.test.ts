import { beforeEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../../src/main/core/log'
import { safeOpenURL } from '../../../../src/main/desktop/security/safe-open-url'
import { guardWebContents } from '../../../../src/main/desktop/security/web-contents-guards'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'
import { FakeShell, FakeWebContents } from '../../../mocks/electron'

const source = createRendererSource({ rendererDir: '/opt/softphone/out/renderer' })

describe('safeOpenURL', () => {
  it.each([
    ['https://developers.facebook.com/apps/', true],
    ['HTTPS://example.com/a?b=c#d', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['smb://attacker/share', false],
    ['mailto:someone@example.com', false],
    ['https://user:pass@example.com/', false],
    ['not a url', false],
    ['', false]
  ])('%s -> %s', async (url, allowed) => {
    const shell = new FakeShell()
    expect(safeOpenURL(url, (target) => shell.openExternal(target))).toBe(allowed)
    await Promise.resolve()
    expect(shell.opened).toHaveLength(allowed ? 1 : 0)
  })

  it('hands the browser the parsed, normalised URL', () => {
    const open = vi.fn(async () => undefined)
    safeOpenURL('https://EXAMPLE.com/a b', open)
    expect(open).toHaveBeenCalledWith('https://example.com/a%20b')
  })
})

describe('guardWebContents', () => {
  let contents: FakeWebContents
  let shell: FakeShell

  beforeEach(() => {
    contents = new FakeWebContents()
    shell = new FakeShell()
    guardWebContents(contents, {
      isOwnPage: source.isOwnPage,
      openExternal: (url) => safeOpenURL(url, (target) => shell.openExternal(target)),
      log: silentLogger
    })
  })

  it('lets the window reload its own page', () => {
    expect(contents.navigate(source.url('index'))).toBe(true)
    expect(shell.opened).toEqual([])
  })

  it('keeps the window on its page and sends https links to the browser', () => {
    expect(contents.navigate('https://www.facebook.com/')).toBe(false)
    expect(shell.opened).toEqual(['https://www.facebook.com/'])
  })

  it('opens nothing for navigation to other schemes or files', () => {
    expect(contents.navigate('file:///home/user/.ssh/id_rsa')).toBe(false)
    expect(contents.navigate('http://example.com/')).toBe(false)
    expect(contents.navigate('javascript:alert(1)')).toBe(false)
    expect(shell.opened).toEqual([])
  })

  it('does not open links for navigations in subframes', () => {
    expect(contents.navigate('https://www.facebook.com/', false)).toBe(false)
    expect(shell.opened).toEqual([])
  })

  it('blocks redirects away from our pages', () => {
    expect(contents.redirect('https://evil.example/')).toBe(false)
    expect(contents.redirect(source.url('toast'))).toBe(true)
  })

  it('denies every new window, opening https ones in the browser', () => {
    expect(contents.openWindow('https://www.facebook.com/help')).toEqual({ action: 'deny' })
    expect(contents.openWindow('file:///etc/hosts')).toEqual({ action: 'deny' })
    expect(contents.openWindow(source.url('index'))).toEqual({ action: 'deny' })
    expect(shell.opened).toEqual(['https://www.facebook.com/help'])
  })

  it('refuses to attach a <webview>', () => {
    expect(contents.attachWebview()).toBe(false)
  })
})
