import { describe, expect, it } from 'vitest'
import { createRendererSource } from '../../../src/main/windows/renderer-source'

describe('renderer source', () => {
  describe('packaged (file://)', () => {
    const source = createRendererSource({
      devServerUrl: undefined,
      rendererDir: '/opt/Messenger Softphone/resources/app.asar/out/renderer'
    })

    it('loads each page from its built file', () => {
      expect(source.url('index')).toBe(
        'file:///opt/Messenger%20Softphone/resources/app.asar/out/renderer/index.html'
      )
      expect(source.url('toast')).toMatch(/\/out\/renderer\/toast\.html$/)
    })

    it.each([
      [source.url('index'), true],
      [source.url('toast'), true],
      [`${source.url('index')}#/settings`, true],
      [`${source.url('toast')}?call=1`, true],
      ['file:///opt/Messenger%20Softphone/resources/app.asar/out/renderer/other.html', false],
      ['file:///tmp/index.html', false],
      ['file:///', false],
      ['https://www.facebook.com/', false],
      ['about:blank', false],
      ['', false],
      [undefined, false]
    ])('%s is ours: %s', (url, ours) => {
      expect(source.isOwnPage(url)).toBe(ours)
    })
  })

  describe('development (dev server)', () => {
    const source = createRendererSource({
      devServerUrl: 'http://localhost:5173',
      rendererDir: '/repo/out/renderer'
    })

    it('loads each page from the dev server', () => {
      expect(source.url('index')).toBe('http://localhost:5173/index.html')
      expect(source.url('toast')).toBe('http://localhost:5173/toast.html')
    })

    it.each([
      ['http://localhost:5173/', true],
      ['http://localhost:5173/index.html#x', true],
      ['http://localhost:5174/', false],
      ['http://127.0.0.1:5173/', false],
      ['file:///repo/out/renderer/index.html', false]
    ])('%s is ours: %s', (url, ours) => {
      expect(source.isOwnPage(url)).toBe(ours)
    })
  })
})
