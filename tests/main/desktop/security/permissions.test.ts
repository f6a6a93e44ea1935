import { describe, expect, it } from 'vitest'
import type { WebContents } from 'electron'
import { silentLogger } from '../../../../src/main/core/log'
import {
  createPermissionCheckHandler,
  createPermissionRequestHandler,
  installPermissionHandlers,
  type MediaType,
  type Permission
} from '../../../../src/main/desktop/security/permissions'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'
import { FakeSession } from '../../../mocks/electron'

const source = createRendererSource({ rendererDir: '/opt/softphone/out/renderer' })
const OURS = source.url('index')
const TOAST = source.url('toast')
const deps = { isOwnPage: source.isOwnPage, log: silentLogger }
const contents = {} as WebContents

interface Case {
  permission: Permission
  mediaTypes?: MediaType[]
  url?: string
  isMainFrame?: boolean
  granted: boolean
}

const cases: [string, Case][] = [
  ['microphone for our page', { permission: 'media', mediaTypes: ['audio'], granted: true }],
  [
    'microphone for the toast',
    { permission: 'media', mediaTypes: ['audio'], url: TOAST, granted: true }
  ],
  ['camera', { permission: 'media', mediaTypes: ['video'], granted: false }],
  [
    'camera with microphone',
    { permission: 'media', mediaTypes: ['audio', 'video'], granted: false }
  ],
  ['media of no stated kind', { permission: 'media', mediaTypes: [], granted: false }],
  ['media of unknown kind', { permission: 'media', mediaTypes: ['unknown'], granted: false }],
  ['audio output selection', { permission: 'speaker-selection', granted: true }],
  ['clipboard write', { permission: 'clipboard-sanitized-write', granted: false }],
  ['notifications', { permission: 'notifications', granted: false }],
  ['openExternal', { permission: 'openExternal', granted: false }],
  ['geolocation', { permission: 'geolocation', granted: false }],
  ['screen capture', { permission: 'display-capture', granted: false }],
  ['clipboard read', { permission: 'clipboard-read', granted: false }],
  ['MIDI', { permission: 'midi', granted: false }],
  ['HID', { permission: 'hid', granted: false }],
  ['anything unknown', { permission: 'unknown', granted: false }],
  [
    'microphone for a foreign https page',
    { permission: 'media', mediaTypes: ['audio'], url: 'https://evil.example/', granted: false }
  ],
  [
    'microphone for another file on disk',
    { permission: 'media', mediaTypes: ['audio'], url: 'file:///tmp/evil.html', granted: false }
  ],
  [
    'microphone for a subframe of our page',
    { permission: 'media', mediaTypes: ['audio'], isMainFrame: false, granted: false }
  ],
  [
    'microphone with no requesting URL',
    { permission: 'media', mediaTypes: ['audio'], url: '', granted: false }
  ]
]

describe('permission request handler', () => {
  const handler = createPermissionRequestHandler(deps)

  it.each(cases)('%s', (_name, c) => {
    let answer: boolean | undefined
    handler(contents, c.permission, (granted) => (answer = granted), {
      requestingUrl: c.url ?? OURS,
      isMainFrame: c.isMainFrame ?? true,
      ...(c.mediaTypes ? { mediaTypes: c.mediaTypes.filter((t) => t !== 'unknown') } : {})
    })
    // 'unknown' is not a request media type; such a request arrives with no stated kind.
    expect(answer).toBe(c.mediaTypes?.includes('unknown') ? false : c.granted)
  })
})

describe('permission check handler', () => {
  const handler = createPermissionCheckHandler(deps)
  // Checks ask about one media kind at a time (enumerateDevices asks for each).
  const checks: [string, Omit<Case, 'mediaTypes'> & { mediaType?: MediaType }][] = [
    ['microphone', { permission: 'media', mediaType: 'audio', granted: true }],
    ['camera', { permission: 'media', mediaType: 'video', granted: false }],
    ['media of unknown kind', { permission: 'media', mediaType: 'unknown', granted: false }],
    ['media of no stated kind', { permission: 'media', granted: false }],
    ['audio output selection', { permission: 'speaker-selection', granted: true }],
    ['notifications', { permission: 'notifications', granted: false }],
    ['storage access', { permission: 'storage-access', granted: false }],
    [
      'microphone for a foreign page',
      { permission: 'media', mediaType: 'audio', url: 'https://evil.example/', granted: false }
    ],
    [
      'microphone for a subframe',
      { permission: 'media', mediaType: 'audio', isMainFrame: false, granted: false }
    ],
    [
      'microphone, asked on behalf of no document',
      { permission: 'media', mediaType: 'audio', url: '', granted: false }
    ]
  ]

  it.each(checks)('%s', (_name, c) => {
    const answer = handler(contents, c.permission, 'file:///', {
      requestingUrl: c.url === '' ? undefined : (c.url ?? OURS),
      isMainFrame: c.isMainFrame ?? true,
      ...(c.mediaType ? { mediaType: c.mediaType } : {})
    })
    expect(answer).toBe(c.granted)
  })

  it('answers a microphone check from the dev server only in development', () => {
    const dev = createRendererSource({
      devServerUrl: 'http://localhost:5173',
      rendererDir: '/opt/softphone/out/renderer'
    })
    const devHandler = createPermissionCheckHandler({ isOwnPage: dev.isOwnPage, log: silentLogger })
    const ask = (url: string) =>
      devHandler(null, 'media', new URL(url).origin, {
        requestingUrl: url,
        isMainFrame: true,
        mediaType: 'audio'
      })
    expect(ask('http://localhost:5173/')).toBe(true)
    expect(ask('http://localhost:5174/')).toBe(false)
    expect(
      handler(null, 'media', 'http://localhost:5173', {
        requestingUrl: 'http://localhost:5173/',
        isMainFrame: true,
        mediaType: 'audio'
      })
    ).toBe(false)
  })
})

describe('installPermissionHandlers', () => {
  it('resets both handlers to null before installing its own, and denies every device', () => {
    const session = new FakeSession()
    installPermissionHandlers(session, deps)
    expect(session.requestHandlerHistory[0]).toBeNull()
    expect(session.checkHandlerHistory[0]).toBeNull()
    expect(session.requestHandler).toBeTypeOf('function')
    expect(session.checkHandler).toBeTypeOf('function')
    expect(
      session.deviceHandler?.({ deviceType: 'usb', origin: 'file:///', device: {} } as never)
    ).toBe(false)
  })
})
