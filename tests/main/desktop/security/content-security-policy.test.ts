import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron'
import {
  CONTENT_SECURITY_POLICY,
  HEADER_ONLY_DIRECTIVES,
  installContentSecurityPolicy,
  withContentSecurityPolicy
} from '../../../../src/main/desktop/security/content-security-policy'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'
import { FakeSession } from '../../../mocks/electron'

const RENDERER = join(import.meta.dirname, '../../../../src/renderer')

/** The policy of a page's <meta http-equiv="Content-Security-Policy">, as directive -> sources. */
function metaPolicy(file: string): Map<string, string[]> | undefined {
  const html = readFileSync(join(RENDERER, file), 'utf8')
  const tag = /<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>/i.exec(html)?.[0]
  const content = tag && /content="([^"]*)"/i.exec(tag)?.[1]
  return content === undefined ? undefined : parsePolicy(content)
}

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources.sort()])
  )
}

describe('Content-Security-Policy', () => {
  it('is the policy of the main page meta tag, directive for directive', () => {
    const header = parsePolicy(CONTENT_SECURITY_POLICY)
    for (const name of HEADER_ONLY_DIRECTIVES) header.delete(name)
    expect(header).toEqual(metaPolicy('index.html'))
  })

  it('allows no inline or evaluated script, no plugins and no foreign base', () => {
    const policy = parsePolicy(CONTENT_SECURITY_POLICY)
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it('is carried by the toast page too, with scripts from the app only', () => {
    const toast = metaPolicy('toast.html')
    expect(toast, 'toast.html needs a CSP meta tag').toBeDefined()
    expect(toast?.get('script-src')).toEqual(["'self'"])
    expect(toast?.get('object-src')).toEqual(["'none'"])
  })

  it('replaces a CSP header in any letter case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html']
    })
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
    })
  })

  describe('the response hook', () => {
    const source = createRendererSource({
      devServerUrl: 'http://localhost:5173',
      rendererDir: '/opt/app/out/renderer'
    })
    const session = new FakeSession()
    installContentSecurityPolicy(session.webRequest, source.isOwnPage)

    const respond = (
      url: string,
      resourceType: OnHeadersReceivedListenerDetails['resourceType']
    ): HeadersReceivedResponse => {
      let response: HeadersReceivedResponse | undefined
      session.webRequest.listener?.(
        { url, resourceType, responseHeaders: {} } as OnHeadersReceivedListenerDetails,
        (value) => (response = value)
      )
      if (!response) throw new Error('the hook did not answer')
      return response
    }

    it('sets the policy on our pages', () => {
      expect(respond('http://localhost:5173/index.html', 'mainFrame').responseHeaders).toEqual({
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
      })
    })

    it('leaves other responses alone', () => {
      expect(respond('https://graph.facebook.com/v26.0/me', 'mainFrame')).toEqual({})
      expect(respond('http://localhost:5173/src/main.ts', 'script')).toEqual({})
    })
  })
})
