/**
 * A sentence made in core reaches the screen in the desk's language (issue 15, item 4): a reply
 * frame with words (as a hub's refusal reaches a seat's window: tests/main/core/service/
 * words-transport.test.ts) crosses the preload as plain data, and a Spanish window shows it in
 * Spanish. A sentence without words (an older hub) still shows, in its English.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { failedReply, type ReplyFrame } from '../../../src/shared/command-protocol'
import { asServiceError, serviceFailure, ServiceError } from '../../../src/shared/service-error'
import { wordedError } from '../../../src/shared/words-english'
import FieldError from '../../../src/renderer/src/components/settings/FieldError.vue'
import NoticeList from '../../../src/renderer/src/components/NoticeList.vue'
import { endedNotice } from '../../../src/renderer/src/stores/call-notices'
import SetupChecklist from '../../../src/renderer/src/components/setup/SetupChecklist.vue'
import { words } from '../../../src/shared/words'
import { englishWords } from '../../../src/shared/words-english'
import { saidOf, type Said } from '../../../src/renderer/src/composables/useWords'
import { testI18n } from '../support/renderer-setup'

/** What a store keeps of a failed reply, through the preload and services/softphone.ts. */
function keptFrom(reply: ReplyFrame): Said {
  if (reply.ok) throw new Error('the reply is no failure')
  // The preload rejects with plain data (contextBridge clones it); the page rebuilds the error.
  return saidOf(asServiceError(structuredClone(serviceFailure(reply.error))))
}

function shown(message: Said): string {
  return mount(FieldError, { props: { message } }).text()
}

describe('a core sentence in a Spanish window', () => {
  it.each([
    [
      wordedError('forbidden', 'service.ownerOnly'),
      'Only the desk that holds the Page can see or change this.',
      'Solo el puesto que tiene la página puede ver o cambiar esto.'
    ],
    [
      wordedError('invalid-request', 'service.invalidRequestField', {
        command: 'accept',
        field: 'sdp'
      }),
      'The accept request is not valid (sdp).',
      'La petición accept no es válida (sdp).'
    ],
    [
      wordedError('forbidden', 'seat.refused.page', { hub: 'Front desk' }),
      'This desk is a seat of Front desk; change the Page on the hub.',
      'Este puesto depende de Front desk; cambie la página en el puesto central.'
    ]
  ])('%s', (error, english, spanish) => {
    const said = keptFrom(failedReply(error))
    expect(shown(said)).toBe(english)
    testI18n.global.locale.value = 'es'
    expect(shown(said)).toBe(spanish)
  })

  it('words a sentence built around another one in the same language', () => {
    const error = wordedError('graph', 'service.hoursNotPublished', {
      reason: { key: 'network.offline' }
    })
    testI18n.global.locale.value = 'es'
    expect(shown(keptFrom(failedReply(error)))).toBe(
      'El horario se guardó en esta aplicación, pero no en la página. No se puede llegar a Facebook: este equipo no tiene conexión; revise la conexión a internet.'
    )
  })

  it('shows the English message of a sentence without words, or with words it does not know', () => {
    testI18n.global.locale.value = 'es'
    expect(shown(saidOf(new ServiceError('internal', 'Hub says no.')))).toBe('Hub says no.')
    const unknown = { key: 'service.fromTheFuture', params: {} }
    const fromNewerHub = asServiceError({ code: 'conflict', message: 'Newer.', words: unknown })
    expect(shown(saidOf(fromNewerHub))).toBe('Newer.')
  })

  it('words a setup check in the window’s language', () => {
    const said = words('setup.tokenOtherPageNamed', {
      name: 'Corner Bakery',
      ownerId: '106378625516323',
      pageId: '222'
    })
    const checks = [
      { id: 'token-page' as const, title: 'Token for this Page', state: 'failed' as const },
      { id: 'tunnel' as const, title: 'Reachable from the internet', state: 'failed' as const }
    ]
    const list = mount(SetupChecklist, {
      props: {
        checks: [
          { ...checks[0]!, detail: englishWords(said), words: said },
          { ...checks[1]!, detail: 'An older hub’s sentence.' }
        ],
        checkedAt: 1,
        disabled: false
      }
    })
    const details = () => list.findAll('.setup-check__detail').map((p) => p.text())
    expect(details()[0]).toBe(englishWords(said))
    testI18n.global.locale.value = 'es'
    return list.vm.$nextTick().then(() => {
      expect(details()).toEqual([
        'Este token es de la página "Corner Bakery" (106378625516323), no de la página 222. Escriba 106378625516323 como identificador de la página, o haga un token para la página 222.',
        'An older hub’s sentence.'
      ])
    })
  })

  it('words why a call failed in the window’s language', () => {
    const said = words('graph.unknownCall')
    const call = {
      id: 'c_1',
      pageId: 'p',
      direction: 'inbound' as const,
      caller: { psid: '1' },
      startedAt: 0,
      state: 'ended' as const,
      outcome: 'failed' as const,
      reason: 'accept-failed' as const,
      endedAt: 1,
      error: englishWords(said),
      errorWords: said
    }
    const notice = endedNotice(call, undefined)!
    testI18n.global.locale.value = 'es'
    const list = mount(NoticeList, { props: { notices: [{ id: 1, callId: 'c_1', ...notice }] } })
    expect(list.text()).toContain(
      'Esta llamada ya no existe en Facebook; puede que quien llamaba haya colgado.'
    )
  })
})
