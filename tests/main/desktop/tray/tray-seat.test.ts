/**
 * A seat desk's tray (issue #13): it has no webhook or tunnel of its own, so the tooltip speaks of
 * its link to the hub and of the hub's Page, never "Ready for calls" while the hub is away.
 */
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import type { HubLinkStatus } from '../../../../src/shared/hub-link'
import { translator } from '../../../../src/shared/i18n/translate'
import { deriveTrayView } from '../../../../src/main/desktop/tray/tray-state'
import { words } from '../../../../src/shared/words'

function seat(link: HubLinkStatus, partial: Partial<CoreStatus> = {}): CoreStatus {
  return {
    page: { configured: true, pageId: '42' },
    pageHealth: { state: 'ok', checkedAt: 1 },
    webhookUrl: null,
    publicUrl: null,
    tunnel: { state: 'off' },
    registration: { state: 'not-needed', reason: 'not-configured' },
    hub: { name: 'Front desk', link, queuedHangUps: [], pastHistory: false },
    ...partial
  }
}

const tooltipOf = (status: CoreStatus) =>
  deriveTrayView({
    calls: [],
    status,
    doNotDisturb: false,
    appName: 'Softphone',
    t: translator('en')
  })

describe('a seat’s tray', () => {
  it('is ready while the hub is online and its Page fine, without a webhook here', () => {
    expect(tooltipOf(seat({ state: 'online' }))).toEqual({
      state: 'idle',
      tooltip: 'Softphone: Ready for calls'
    })
  })

  it.each<[string, CoreStatus, string]>([
    ['connecting', seat({ state: 'connecting' }), 'Softphone: Connecting to Front desk…'],
    [
      'hub offline',
      seat({ state: 'offline', reason: 'no answer' }),
      'Softphone: Hub offline: no answer. Calls cannot be answered here until it is back.'
    ],
    [
      'removed',
      seat({ state: 'refused', sentence: 'This desk was removed from the hub' }),
      'Softphone: This desk was removed from the hub.'
    ],
    [
      'online, the hub without a Page',
      seat({ state: 'online' }, { page: { configured: false } }),
      'Softphone: The hub has no Facebook Page connected yet'
    ]
  ])('offline: %s', (_name, status, tooltip) => {
    expect(tooltipOf(status)).toEqual({ state: 'offline', tooltip })
  })
})

describe('a Spanish seat’s tray', () => {
  const spanishTooltip = (status: CoreStatus) =>
    deriveTrayView({
      calls: [],
      status,
      doNotDisturb: false,
      appName: 'Softphone',
      t: translator('es')
    }).tooltip

  it('says its link to the hub in the shell’s language, the link’s own reason as given', () => {
    expect(spanishTooltip(seat({ state: 'connecting' }))).toBe(
      'Softphone: Conectando con Front desk…'
    )
    expect(spanishTooltip(seat({ state: 'offline', reason: 'no answer' }))).toContain(
      'Puesto central sin conexión: no answer. Aquí no se pueden contestar llamadas'
    )
    const removed = seat({
      state: 'refused',
      sentence: 'This desk was removed from the hub: pair it again with a new code',
      words: words('seatRefused.removed')
    })
    expect(spanishTooltip(removed)).toBe(
      'Softphone: Este puesto fue quitado del puesto central: vuelva a emparejarlo con un código nuevo.'
    )
  })

  it('says the hub’s Page is being checked in Spanish', () => {
    expect(spanishTooltip(seat({ state: 'online' }, { pageHealth: { state: 'checking' } }))).toBe(
      'Softphone: Comprobando la página con Facebook…'
    )
  })
})
