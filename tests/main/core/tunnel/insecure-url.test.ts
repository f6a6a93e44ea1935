import { describe, expect, it } from 'vitest'
import { insecureUrlWords } from '../../../../src/main/core/tunnel/insecure-url'
import { englishWords } from '../../../../src/shared/words-english'

const warningOf = (url: string, source: 'tunnel' | 'own-url') => {
  const said = insecureUrlWords(url, source)
  return said && englishWords(said)
}

describe('insecureUrlWords', () => {
  it('warns about a public http address, saying what to change', () => {
    expect(warningOf('http://desk.lt.example', 'tunnel')).toBe(
      'The tunnel gave an http address (http://desk.lt.example), but Facebook only calls https addresses: calls cannot arrive. Choose a tunnel server that gives https addresses.'
    )
    expect(warningOf('HTTP://calls.example.com', 'own-url')).toMatch(
      /^The public address HTTP:\/\/calls\.example\.com is http, .+ Enter an https address\.$/
    )
  })

  it('says nothing about https, nor about a loopback test rig', () => {
    expect(insecureUrlWords('https://desk.lt.example', 'tunnel')).toBeUndefined()
    for (const url of ['http://127.0.0.1:4000/ab', 'http://localhost/x', 'http://[::1]:80']) {
      expect(insecureUrlWords(url, 'tunnel')).toBeUndefined()
    }
    // Only the host decides, not a look-alike.
    expect(insecureUrlWords('http://127.0.0.1.evil.example', 'tunnel')).toBeDefined()
    expect(insecureUrlWords('http://localhost.example', 'tunnel')).toBeDefined()
  })
})
