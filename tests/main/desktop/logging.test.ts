import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { registerSecret } from '../../../src/main/core/log'
import { logFolder, redactLogValue, setUpLogging } from '../../../src/main/desktop/logging'
import { fakeLogBackend } from '../../mocks/electron-log'

describe('logging', () => {
  it('writes the core logger through electron-log with scope, level and fields', () => {
    const backend = fakeLogBackend()
    const logger = setUpLogging(backend, { development: false })
    logger.child('calls').info('call ringing', { callId: 'c_1' })
    logger.debug('not in production')
    expect(backend.written).toEqual([
      { level: 'info', scope: 'main:calls', data: ['call ringing', { callId: 'c_1' }] }
    ])
  })

  it('redacts tokens, secrets and SDP in lines from any source', () => {
    const backend = fakeLogBackend()
    setUpLogging(backend, { development: false })
    registerSecret('registered-app-secret-xyz')
    // As electron-updater or an uncaught error would log: straight into electron-log.
    backend.write(
      'error',
      'updater',
      'GET https://graph.facebook.com/me?access_token=EAAB12345678901234567890abc failed'
    )
    backend.write('info', 'third-party', {
      authorization: 'Bearer abc.def',
      note: 'registered-app-secret-xyz'
    })
    backend.write('warn', 'webrtc', 'offer: v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n')
    const text = JSON.stringify(backend.written)
    expect(text).not.toContain('EAAB12345678901234567890abc')
    expect(text).not.toContain('abc.def')
    expect(text).not.toContain('registered-app-secret-xyz')
    expect(text).not.toContain('4611731400430051336')
    expect(text).toContain('access_token=[redacted]')
  })

  it('keeps the stack of an error, redacted', () => {
    const error = new Error('token EAAB12345678901234567890abc refused')
    const logged = redactLogValue(error)
    expect(logged).toMatch(/^Error: token \[redacted\] refused\n\s+at /)
  })

  it('logs to the console only in development, at debug level there', () => {
    const production = fakeLogBackend()
    setUpLogging(production, { development: false })
    expect(production.transports.console.level).toBe(false)
    expect(production.transports.file.level).toBe('info')
    const development = fakeLogBackend()
    setUpLogging(development, { development: true })
    expect(development.transports.console.level).toBe('debug')
    expect(development.transports.file.level).toBe('debug')
  })

  it('turns on debug lines in production on request, and catches uncaught errors without a dialog', () => {
    const backend = fakeLogBackend()
    const logger = setUpLogging(backend, { development: false, level: 'debug' })
    logger.debug('visible now')
    expect(backend.written).toHaveLength(1)
    expect(backend.transports.console.level).toBe(false)
    expect(backend.catching).toEqual({ showDialog: false })
  })

  it.runIf(process.platform !== 'win32')(
    'has electron-log create the file 0600 in a folder made 0700 before it writes',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'logging-'))
      try {
        const folder = join(root, 'logs')
        const backend = fakeLogBackend({ folder })
        setUpLogging(backend, { development: false })
        expect(backend.transports.file.writeOptions?.mode).toBe(0o600)
        // electron-log resolves the path before each write and creates the folder after.
        expect(backend.transports.file.resolvePathFn({} as never)).toBe(join(folder, 'main.log'))
        expect((await stat(folder)).mode & 0o777).toBe(0o700)
        expect(logFolder(backend)).toBe(folder)
      } finally {
        await rm(root, { recursive: true, force: true })
      }
    }
  )
})
