/** The seat client seen as the seat desk's HubConnection: its states in hub-link's words. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hubUnreachableWords } from '../../../../src/shared/hub-link'
import { SeatClient } from '../../../../src/main/core/seat-link/seat-client'
import {
  hubLinkStatusOf,
  hubNameOf,
  SeatHubConnection
} from '../../../../src/main/core/seat-link/seat-hub-connection'

describe('the seat client as a HubConnection', () => {
  it('maps each link state, saying "offline" once', () => {
    expect(hubLinkStatusOf({ state: 'connecting' })).toEqual({ state: 'connecting' })
    expect(hubLinkStatusOf({ state: 'online', name: 'Back desk' })).toEqual({ state: 'online' })
    const offline = hubLinkStatusOf({
      state: 'offline',
      reason: 'Hub offline: The hub could not be reached (connect ECONNREFUSED)'
    })
    expect(offline).toEqual({
      state: 'offline',
      reason: 'The hub could not be reached (connect ECONNREFUSED)'
    })
    // As words for the seat's windows, the link's reason inside as the link gave it.
    expect(hubUnreachableWords(offline)).toEqual({
      key: 'seat.hubOffline',
      params: { reason: 'The hub could not be reached (connect ECONNREFUSED)' }
    })
    expect(hubUnreachableWords({ state: 'connecting' })).toEqual({ key: 'seat.hubConnecting' })
    expect(
      hubLinkStatusOf({ state: 'refused', reason: 'This desk was removed from the hub' })
    ).toEqual({ state: 'refused', sentence: 'This desk was removed from the hub' })
    // A reason this desk made travels as words, which the seat's windows and commands say.
    const notRunning = { key: 'hubReason.notRunning', params: { host: 'hub.example' } } as const
    const worded = hubLinkStatusOf({
      state: 'offline',
      reason: 'Hub offline: The hub is not running at hub.example, or its computer is off',
      words: notRunning
    })
    expect(worded).toEqual({
      state: 'offline',
      reason: 'The hub is not running at hub.example, or its computer is off',
      reasonWords: notRunning
    })
    expect(hubUnreachableWords(worded)).toEqual({
      key: 'seat.hubOffline',
      params: { reason: notRunning }
    })
    expect(
      hubLinkStatusOf({ state: 'refused', reason: 'This desk was removed from the hub' })
    ).toEqual({ state: 'refused', sentence: 'This desk was removed from the hub' })
  })

  it('names the hub by its address’s host, never its path or credentials', () => {
    expect(hubNameOf('https://user:pw@calls.example.com/base')).toBe('calls.example.com')
    expect(hubNameOf('http://127.0.0.1:4000')).toBe('127.0.0.1:4000')
  })

  it('tells its status listeners in hub-link words, and closes the client once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seat-hub-connection-'))
    try {
      const client = new SeatClient({ hubUrl: 'http://127.0.0.1:9', dataDir: dir })
      const hub = new SeatHubConnection(client, 'http://127.0.0.1:9')
      const heard: unknown[] = []
      hub.onStatus((status) => heard.push(status))
      let closed = 0
      hub.onClose(() => (closed += 1))
      // Not paired and no code: refused at once, without knocking at the hub.
      client.start()
      await expect.poll(() => hub.status().state).toBe('refused')
      expect(heard).toContainEqual({
        state: 'refused',
        sentence: 'This desk is not paired with a hub yet: it needs a pairing code',
        words: { key: 'seatRefused.notPaired' }
      })
      hub.close()
      hub.close()
      expect(closed).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
