import { describe, expect, it } from 'vitest'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'

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

  describe('packaged on Windows, in a folder with escaped characters', () => {
    const source = createRendererSource({
      devServerUrl: undefined,
      rendererDir:
        "C:\\Users\\Zoë O'Neil\\Programs\\Softphone #1\\resources\\app.asar\\out\\renderer",
      platform: 'win32'
    })
    const dir = "Users/Zo%C3%AB%20O'Neil/Programs/Softphone%20%231/resources/app.asar/out/renderer"

    it('loads each page from its built file', () => {
      expect(source.url('index')).toBe(`file:///C:/${dir}/index.html`)
    })

    // Chromium spells the same file in other ways than Node: lower-case hex and drive letter,
    // an apostrophe escaped, a non-ASCII letter left raw. Every spelling of our file is ours.
    it.each([
      [`file:///C:/${dir}/index.html`, true],
      [`file:///c:/${dir}/toast.html?call=1`, true],
      [`file:///C:/${dir.replace('%C3%AB', '%c3%ab')}/index.html#/settings`, true],
      [`file:///C:/${dir.replace("'", '%27')}/index.html`, true],
      [`file:///C:/${dir.replace('%C3%AB', 'ë')}/INDEX.HTML`, true],
      [`file:///C:/${dir}/../renderer/index.html`, true],
      [`file:///C:/${dir}/other.html`, false],
      [`file:///C:/${dir}%2Findex.html`, false],
      [`file:///D:/${dir}/index.html`, false],
      ['file://evil-host/share/index.html', false],
      ['https://www.facebook.com/', false]
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
