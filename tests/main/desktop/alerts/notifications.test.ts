import { describe, expect, it } from 'vitest'
import type { RingingCall } from '../../../../src/shared/calls'
import type { Language } from '../../../../src/shared/i18n/languages'
import { translator } from '../../../../src/shared/i18n/translate'
import { createNotifier } from '../../../../src/main/desktop/alerts/notifications'
import { createFakeElectron } from '../../../mocks/electron'

const ringing = (id: string, name?: string): RingingCall => ({
  id,
  pageId: '42',
  direction: 'inbound',
  caller: { psid: `p-${id}`, name },
  startedAt: 0,
  state: 'ringing',
  ringDeadline: 1
})

function setUp(language: Language = 'en') {
  const electron = createFakeElectron()
  const speaking = { language }
  const notifier = createNotifier({
    Notification: electron.Notification,
    appName: 'Softphone',
    t: (key, params) => translator(speaking.language)(key, params),
    onCallClicked: () => undefined
  })
  return { notifier, speaking, notifications: electron.created.notifications }
}

describe('the notifications, in the desk’s language', () => {
  it.each<[Language, string | undefined, string, string]>([
    ['en', 'Ada Lovelace', 'Incoming Messenger call', 'Ada Lovelace is calling your Page.'],
    ['en', undefined, 'Incoming Messenger call', 'Messenger caller is calling your Page.'],
    ['en', '  ', 'Incoming Messenger call', 'Messenger caller is calling your Page.'],
    ['es', 'Ada', 'Llamada entrante de Messenger', 'Ada está llamando a su página.'],
    [
      'es',
      undefined,
      'Llamada entrante de Messenger',
      'Cliente de Messenger está llamando a su página.'
    ]
  ])('%s, caller %j', (language, name, title, body) => {
    const { notifier, notifications } = setUp(language)
    notifier.callRinging(ringing('c1', name))
    expect(notifications[0]?.options).toMatchObject({ title, body })
  })

  it('says an update is ready in Spanish', () => {
    const { notifier, notifications } = setUp('es')
    notifier.updateReady('1.2.0')
    expect(notifications[0]?.options).toMatchObject({
      title: 'Softphone 1.2.0 está lista',
      body: 'Se instalará cuando salga de la aplicación.'
    })
  })

  it('shows those still on screen again in a new language, not the dismissed or closed ones', () => {
    const { notifier, notifications, speaking } = setUp('en')
    notifier.callRinging(ringing('c1', 'Ada'))
    notifier.callRinging(ringing('c2', 'Grace'))
    notifier.callRinging(ringing('c3', 'Linus'))
    notifier.callStoppedRinging('c2')
    // The user dismissed it (Electron's 'close' event).
    notifications[2]?.emit('close')
    speaking.language = 'es'
    notifier.retranslate()
    expect(notifications.slice(3).map((n) => n.options.body)).toEqual([
      'Ada está llamando a su página.'
    ])
    expect(notifications[0]?.closed).toBe(true)
    expect(notifications[3]?.shown).toBe(true)
  })
})
