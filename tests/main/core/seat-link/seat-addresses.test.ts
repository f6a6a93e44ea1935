/** Where a seat looks for its hub: the local network's address first, quickly given up on. */
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { englishWords } from '../../../../src/shared/words-english'
import {
  HubUnreachableError,
  isLocalNetworkUrl,
  LAN_OPEN_TIMEOUT_MS,
  openFirstSeatSocket,
  openSeatSocket,
  unreachableWords
} from '../../../../src/main/core/seat-link/seat-addresses'

describe('seat addresses', () => {
  it('knows an address on a private network', () => {
    for (const url of [
      'http://192.168.1.20:47802',
      'ws://10.0.0.5:47802',
      'http://172.20.1.1:1',
      'http://169.254.3.4:2',
      'http://front-desk.local:47802'
    ]) {
      expect(isLocalNetworkUrl(url)).toBe(true)
    }
    for (const url of [
      'https://abc.loca.lt',
      'http://172.32.0.1:1',
      'http://8.8.8.8',
      'nonsense'
    ]) {
      expect(isLocalNetworkUrl(url)).toBe(false)
    }
  })

  it('tries the local network first, briefly, then the public address', async () => {
    const tried: [string, number | undefined][] = []
    const socket = {} as WebSocket
    const open = async (url: string, timeoutMs?: number): Promise<WebSocket> => {
      tried.push([url, timeoutMs])
      if (url.includes('192.168')) throw new Error('The hub could not be reached (ETIMEDOUT)')
      return socket
    }
    const addresses = { lanUrl: 'http://192.168.1.20:47802', hubUrl: 'https://hub.example.com' }
    await expect(openFirstSeatSocket(addresses, open)).resolves.toEqual({
      socket,
      url: 'https://hub.example.com'
    })
    expect(tried).toEqual([
      ['http://192.168.1.20:47802', LAN_OPEN_TIMEOUT_MS],
      ['https://hub.example.com', undefined]
    ])
    // Reached on the local network: the public address is not tried at all.
    tried.length = 0
    const onLan = async (url: string, timeoutMs?: number): Promise<WebSocket> => {
      tried.push([url, timeoutMs])
      return socket
    }
    await expect(openFirstSeatSocket(addresses, onLan)).resolves.toMatchObject({
      url: 'http://192.168.1.20:47802'
    })
    expect(tried).toHaveLength(1)
  })
})

describe('why a hub address did not answer, in words', () => {
  const unreachableReason = (hub: string, error: Error & { code?: string }): string =>
    englishWords(unreachableWords(hub, error))
  const failure = (code: string, message = `connect ${code}`): Error & { code: string } =>
    Object.assign(new Error(message), { code })

  it('names the address and what the person can check, without the system’s codes', () => {
    const hub = 'https://desk-abc.loca.lt'
    expect(unreachableReason(hub, failure('ECONNREFUSED'))).toBe(
      'The hub is not running at desk-abc.loca.lt, or its computer is off'
    )
    expect(unreachableReason(hub, failure('ENOTFOUND'))).toBe(
      "desk-abc.loca.lt could not be found: check this computer's internet connection"
    )
    expect(unreachableReason('http://192.168.1.20:47802', failure('ETIMEDOUT'))).toBe(
      "192.168.1.20:47802 did not answer: check this computer's internet connection"
    )
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET']) {
      expect(unreachableReason(hub, failure(code))).not.toContain(code)
    }
  })

  it('keeps the detail of a failure it has no words for', () => {
    expect(unreachableReason('wss://hub.example', failure('EPROTO', 'bad record mac'))).toBe(
      'The hub could not be reached at hub.example (bad record mac)'
    )
  })
})

describe('a seat whose hub does not answer', () => {
  it('says why as words, so a Spanish seat reads its own language', async () => {
    const open = openSeatSocket('http://127.0.0.1:9', 2_000)
    await expect(open).rejects.toBeInstanceOf(HubUnreachableError)
    await expect(open).rejects.toMatchObject({
      message: 'The hub is not running at 127.0.0.1:9, or its computer is off',
      words: { key: 'hubReason.notRunning', params: { host: '127.0.0.1:9' } }
    })
  })
})
