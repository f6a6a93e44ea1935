import { describe, expect, it } from 'vitest'
import {
  CallPermissionReply,
  DeliveryEnvelope,
  SdpField,
  UnixSeconds,
  sdpText,
  unpackDelivery
} from '../../src/shared/webhook'
import type {
  DeliveryEnvelope as Envelope,
  WebhookEvent,
  CallEvent
} from '../../src/shared/webhook'

const PAGE = '1234567890'
const SDP = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n'

const envelope = (...entry: unknown[]): Envelope =>
  DeliveryEnvelope.parse({ object: 'page', entry })
const calls = (...items: unknown[]): Record<string, unknown> => ({
  id: PAGE,
  time: 1,
  calls: items
})

function callEvents(events: WebhookEvent[]): CallEvent[] {
  return events.flatMap((e) => (e.kind === 'call' ? [e.event] : []))
}

describe('UnixSeconds', () => {
  it('takes numbers and numeric strings, as numbers', () => {
    expect(UnixSeconds.parse(1671644824)).toBe(1671644824)
    expect(UnixSeconds.parse('1671644824')).toBe(1671644824)
    expect(UnixSeconds.parse('1671644824.5')).toBe(1671644824.5)
  })

  it.each([-1, '', 'soon', '1e9', '-5', null])('refuses %j', (value) => {
    expect(UnixSeconds.safeParse(value).success).toBe(false)
  })
})

describe('SdpField', () => {
  it('reads both the plain string and the {sdp_type, sdp} shape', () => {
    expect(sdpText(SdpField.parse(SDP))).toBe(SDP)
    expect(sdpText(SdpField.parse({ sdp_type: 'offer', sdp: SDP }))).toBe(SDP)
    expect(sdpText(SdpField.parse({ sdp: SDP }))).toBe(SDP)
  })

  it.each([[''], [{ sdp_type: 'offer', sdp: '' }], [{ sdp_type: 'pranswer', sdp: SDP }], [42]])(
    'refuses %j',
    (value) => {
      expect(SdpField.safeParse(value).success).toBe(false)
    }
  )
})

describe('DeliveryEnvelope', () => {
  it('accepts a page delivery with extra fields', () => {
    expect(DeliveryEnvelope.safeParse({ object: 'page', entry: [], extra: true }).success).toBe(
      true
    )
  })

  it.each([
    [{ object: 'user', entry: [] }],
    [{ object: 'page' }],
    [{ object: 'page', entry: {} }],
    [{ entry: [] }],
    [[]],
    [null]
  ])('refuses %j', (value) => {
    expect(DeliveryEnvelope.safeParse(value).success).toBe(false)
  })
})

describe('unpackDelivery: call events', () => {
  it('reads a user-initiated connect, with the default direction when it is missing, and the entry time', () => {
    const { events, dropped } = unpackDelivery(
      envelope(
        calls(
          {
            id: 'c_1',
            to: PAGE,
            from: 'psid-1',
            event: 'connect',
            timestamp: 1671644824,
            call_direction: 'user_initiated'
          },
          { id: 'c_2', to: PAGE, from: 'psid-2', event: 'connect', timestamp: 1671644825 }
        )
      )
    )
    expect(dropped).toEqual([])
    expect(events).toEqual([
      {
        kind: 'call',
        pageId: PAGE,
        time: 1,
        event: {
          id: 'c_1',
          to: PAGE,
          from: 'psid-1',
          event: 'connect',
          timestamp: 1671644824,
          call_direction: 'user_initiated'
        }
      },
      {
        kind: 'call',
        pageId: PAGE,
        time: 1,
        event: {
          id: 'c_2',
          to: PAGE,
          from: 'psid-2',
          event: 'connect',
          timestamp: 1671644825,
          call_direction: 'user_initiated'
        }
      }
    ])
  })

  it('reads a business-initiated connect', () => {
    const [event] = callEvents(
      unpackDelivery(
        envelope(
          calls({
            id: 'c_3',
            to: 'psid-3',
            from: PAGE,
            event: 'connect',
            timestamp: 1,
            call_direction: 'business_initiated'
          })
        )
      ).events
    )
    expect(event).toMatchObject({ event: 'connect', call_direction: 'business_initiated' })
  })

  it('reads a terminate with its times and status', () => {
    const [event] = callEvents(
      unpackDelivery(
        envelope(
          calls({
            id: 'c_1',
            event: 'terminate',
            timestamp: 1671644944,
            status: 'Completed',
            start_time: 1671644824,
            end_time: 1671644944,
            duration: 120
          })
        )
      ).events
    )
    expect(event).toEqual({
      id: 'c_1',
      event: 'terminate',
      timestamp: 1671644944,
      status: 'Completed',
      start_time: 1671644824,
      end_time: 1671644944,
      duration: 120
    })
  })

  it('reads a terminate of a call never answered (Failed, no times)', () => {
    const [event] = callEvents(
      unpackDelivery(
        envelope(calls({ id: 'c_1', event: 'terminate', timestamp: 5, status: 'Failed' }))
      ).events
    )
    expect(event).toMatchObject({ event: 'terminate', status: 'Failed' })
  })

  it('reads call_status ringing and accepted', () => {
    const events = callEvents(
      unpackDelivery(
        envelope(
          calls(
            {
              id: 'c_9',
              event: 'call_status',
              recipient_id: 'psid-9',
              call_status: 'ringing',
              timestamp: 1
            },
            { id: 'c_9', event: 'call_status', recipient_id: 'psid-9', call_status: 'accepted' }
          )
        )
      ).events
    )
    expect(events.map((e) => e.event === 'call_status' && e.call_status)).toEqual([
      'ringing',
      'accepted'
    ])
  })

  it("reads call_status without an id, as Meta's own example shows it", () => {
    const [event] = callEvents(
      unpackDelivery(
        envelope(calls({ event: 'call_status', recipient_id: 'psid-9', call_status: 'ringing' }))
      ).events
    )
    expect(event).toMatchObject({ event: 'call_status', recipient_id: 'psid-9' })
    expect(event).not.toHaveProperty('id')
  })

  it.each([
    ['an object', { sdp_type: 'offer', sdp: SDP }],
    ['a plain string', SDP]
  ])('reads a media_update whose SDP is %s', (_name, sdp) => {
    const [event] = callEvents(
      unpackDelivery(
        envelope(
          calls({
            id: 'c_1',
            event: 'media_update',
            timestamp: 7,
            session: { version: 2, sdp_renegotiation: sdp }
          })
        )
      ).events
    )
    expect(event?.event).toBe('media_update')
    if (event?.event !== 'media_update') return
    expect(event.session.version).toBe(2)
    expect(sdpText(event.session.sdp_renegotiation)).toBe(SDP)
  })

  it('turns string timestamps into numbers', () => {
    const [event] = callEvents(
      unpackDelivery(
        envelope(
          calls({ id: 'c_1', to: PAGE, from: 'p', event: 'connect', timestamp: '1671644824' })
        )
      ).events
    )
    expect(event?.timestamp).toBe(1671644824)
  })

  it('tolerates extra fields on the event, the entry and the envelope, and keeps them', () => {
    const { events, dropped } = unpackDelivery(
      DeliveryEnvelope.parse({
        object: 'page',
        new_envelope_field: 1,
        entry: [
          {
            id: PAGE,
            time: 1,
            new_entry_field: { x: 1 },
            calls: [
              { id: 'c_1', to: PAGE, from: 'p', event: 'connect', timestamp: 1, video: false }
            ]
          }
        ]
      })
    )
    expect(dropped).toEqual([])
    expect(callEvents(events)[0]).toMatchObject({ id: 'c_1', video: false })
  })

  it('keeps delivery order across entries and calls, with each entry page id', () => {
    const connect = (id: string): Record<string, unknown> => ({
      id,
      to: PAGE,
      from: 'p',
      event: 'connect',
      timestamp: 1
    })
    const { events } = unpackDelivery(
      envelope(
        { id: 'page-a', calls: [connect('c_1'), connect('c_2')] },
        { id: 'page-b', calls: [connect('c_3'), connect('c_4')] }
      )
    )
    expect(events.map((e) => e.kind === 'call' && `${e.pageId}/${e.event.id}`)).toEqual([
      'page-a/c_1',
      'page-a/c_2',
      'page-b/c_3',
      'page-b/c_4'
    ])
  })

  it('has an undefined page id when the entry names none', () => {
    const { events } = unpackDelivery(
      envelope({ calls: [{ id: 'c_1', event: 'terminate', timestamp: 1 }] })
    )
    expect(events[0]?.pageId).toBeUndefined()
  })
})

describe('unpackDelivery: call_permission_reply', () => {
  const reply = (
    response: string,
    extra: Record<string, unknown> = {}
  ): Record<string, unknown> => ({
    sender: { id: 'psid-7' },
    recipient: { id: PAGE },
    timestamp: 1700000000,
    call_permission_reply: { response, expiration_timestamp: '1700604800' },
    ...extra
  })

  it('reads a reply sitting on the entry itself', () => {
    const { events, dropped } = unpackDelivery(envelope({ id: PAGE, time: 1, ...reply('approve') }))
    expect(dropped).toEqual([])
    expect(events).toEqual([
      {
        kind: 'call_permission_reply',
        pageId: PAGE,
        psid: 'psid-7',
        approved: true,
        expiresAt: 1700604800,
        timestamp: 1700000000
      }
    ])
  })

  it('reads replies inside messaging[] and ignores ordinary messages there', () => {
    const { events, dropped } = unpackDelivery(
      envelope({
        id: PAGE,
        time: 1,
        messaging: [
          { sender: { id: 'psid-7' }, recipient: { id: PAGE }, message: { text: 'hi' } },
          reply('reject', { call_permission_reply: { response: 'reject' } })
        ]
      })
    )
    expect(dropped).toEqual([])
    expect(events).toEqual([
      {
        kind: 'call_permission_reply',
        pageId: PAGE,
        psid: 'psid-7',
        approved: false,
        expiresAt: undefined,
        timestamp: 1700000000
      }
    ])
  })

  it('drops a malformed reply with where and reason', () => {
    const { events, dropped } = unpackDelivery(
      envelope(
        { id: PAGE, messaging: [reply('maybe')] },
        { id: PAGE, ...reply('approve', { sender: {} }) }
      )
    )
    expect(events).toEqual([])
    expect(dropped.map((d) => d.where)).toEqual(['entry[0].messaging[0]', 'entry[1]'])
    expect(dropped.every((d) => d.reason.startsWith('bad call_permission_reply'))).toBe(true)
  })

  it('validates the reply schema on its own', () => {
    expect(CallPermissionReply.safeParse(reply('approve')).success).toBe(true)
    expect(CallPermissionReply.safeParse(reply('later')).success).toBe(false)
  })
})

describe('unpackDelivery: what is dropped', () => {
  it('drops unknown and malformed items, keeps the rest, and says where and why', () => {
    const { events, dropped } = unpackDelivery(
      envelope(
        calls(
          { id: 'c_1', to: PAGE, from: 'p', event: 'connect', timestamp: 1 },
          { id: 'c_2', event: 'video_upgrade', timestamp: 1 },
          { id: 'c_3', to: PAGE, event: 'connect', timestamp: 1 },
          { id: 'c_4', event: 'media_update', timestamp: 1, session: { version: 1 } },
          'not an object',
          { id: 'c_5', event: 'terminate', timestamp: 1 }
        ),
        'not an entry',
        { id: 5 }
      )
    )
    expect(callEvents(events).map((e) => e.id)).toEqual(['c_1', 'c_5'])
    expect(dropped.map((d) => d.where)).toEqual([
      'entry[0].calls[1]',
      'entry[0].calls[2]',
      'entry[0].calls[3]',
      'entry[0].calls[4]',
      'entry[1]',
      'entry[2]'
    ])
    expect(dropped[0]!.reason).toBe('unknown call event "video_upgrade"')
    expect(dropped[1]!.reason).toMatch(/^bad connect event \(from: /)
    expect(dropped[2]!.reason).toMatch(/^bad media_update event \(session\.sdp_renegotiation: /)
    expect(dropped[3]!.reason).toBe('unknown call event undefined')
    expect(dropped[4]!.reason).toMatch(/^not an entry object/)
  })

  it('ignores entries that carry only other fields', () => {
    expect(unpackDelivery(envelope({ id: PAGE, changes: [{ field: 'feed' }] }))).toEqual({
      events: [],
      dropped: []
    })
  })
})
