import { describe, expect, it } from 'vitest'
import {
  AcceptResponse,
  AppSubscriptions,
  CallPermissions,
  CallSettings,
  ConnectResponse,
  GraphErrorBody,
  PageSubscribedApps,
  SuccessResponse,
  UserProfile
} from '../../src/shared/graph'
import { sdpText } from '../../src/shared/webhook'

const ANSWER = 'v=0\r\no=- 1 2 IN IP4 157.240.0.1\r\na=ice-lite\r\n'
const OFFER = 'v=0\r\no=- 3 4 IN IP4 157.240.0.1\r\na=setup:actpass\r\n'

describe('AcceptResponse', () => {
  it('reads the plain-string shape from the API text', () => {
    const parsed = AcceptResponse.parse({
      success: true,
      session: { sdp_response: ANSWER, sdp_renegotiation: OFFER }
    })
    expect(sdpText(parsed.session.sdp_response)).toBe(ANSWER)
    expect(parsed.session.sdp_renegotiation && sdpText(parsed.session.sdp_renegotiation)).toBe(
      OFFER
    )
  })

  it('reads the object shape from the sample code', () => {
    const parsed = AcceptResponse.parse({
      success: true,
      session: {
        sdp_response: { sdp_type: 'answer', sdp: ANSWER },
        sdp_renegotiation: { sdp_type: 'offer', sdp: OFFER }
      }
    })
    expect(sdpText(parsed.session.sdp_response)).toBe(ANSWER)
    expect(parsed.session.sdp_renegotiation && sdpText(parsed.session.sdp_renegotiation)).toBe(
      OFFER
    )
  })

  it('allows a missing renegotiation and extra fields', () => {
    const parsed = AcceptResponse.parse({
      success: true,
      trace: 'x',
      session: { sdp_response: ANSWER, extra: 1 }
    })
    expect(parsed.session.sdp_renegotiation).toBeUndefined()
    expect(parsed).toMatchObject({ trace: 'x' })
  })

  it.each([
    ['no session', { success: true }],
    ['no answer', { success: true, session: { sdp_renegotiation: OFFER } }],
    ['an empty answer', { success: true, session: { sdp_response: '' } }],
    [
      'an answer object without sdp',
      { success: true, session: { sdp_response: { sdp_type: 'answer' } } }
    ],
    ['no success flag', { session: { sdp_response: ANSWER } }]
  ])('refuses %s', (_name, body) => {
    expect(AcceptResponse.safeParse(body).success).toBe(false)
  })
})

describe('ConnectResponse', () => {
  it('reads the call id and the answer object', () => {
    const parsed = ConnectResponse.parse({
      success: true,
      id: 'c_42',
      session: { sdp_response: { sdp_type: 'answer', sdp: ANSWER } }
    })
    expect(parsed.id).toBe('c_42')
    expect(sdpText(parsed.session.sdp_response)).toBe(ANSWER)
  })

  it('refuses a response without a call id', () => {
    expect(
      ConnectResponse.safeParse({ success: true, session: { sdp_response: ANSWER } }).success
    ).toBe(false)
  })
})

describe('GraphErrorBody', () => {
  it('reads every documented field', () => {
    const parsed = GraphErrorBody.parse({
      error: {
        message: 'Error validating access token',
        type: 'OAuthException',
        code: 190,
        error_subcode: 463,
        fbtrace_id: 'AbCdEf123'
      }
    })
    expect(parsed.error).toEqual({
      message: 'Error validating access token',
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
      fbtrace_id: 'AbCdEf123'
    })
  })

  it('defaults a missing message to an empty string and keeps unknown fields', () => {
    const parsed = GraphErrorBody.parse({ error: { code: 100, is_transient: false } })
    expect(parsed.error.message).toBe('')
    expect(parsed.error).toMatchObject({ code: 100, is_transient: false })
  })

  it.each([[{}], [{ error: 'boom' }], [{ error: { code: 'x' } }], [{ error: { code: 1.5 } }]])(
    'refuses %j',
    (body) => {
      expect(GraphErrorBody.safeParse(body).success).toBe(false)
    }
  )
})

describe('SuccessResponse', () => {
  it('reads success true and false', () => {
    expect(SuccessResponse.parse({ success: true }).success).toBe(true)
    expect(SuccessResponse.parse({ success: false }).success).toBe(false)
    expect(SuccessResponse.safeParse({ success: 'true' }).success).toBe(false)
  })
})

describe('CallSettings', () => {
  const fields = {
    call_routing: { ring_target: 'PARTNERS' },
    icon_enabled: true,
    audio_enabled: true,
    video_enabled: false,
    call_hours: {
      timezone_id: 'Europe/Paris',
      weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }]
    }
  }

  it('reads the bare object shape', () => {
    expect(CallSettings.parse(fields)).toEqual(fields)
  })

  it('reads the data[] wrapper and returns its first item', () => {
    expect(
      CallSettings.parse({ data: [fields, { call_routing: { ring_target: 'META' } }] })
    ).toEqual(fields)
  })

  it('reads a partial object: every setting is optional', () => {
    expect(CallSettings.parse({ call_routing: { ring_target: 'META' } })).toEqual({
      call_routing: { ring_target: 'META' }
    })
  })

  it.each([
    ['a non-boolean flag', { audio_enabled: 'yes' }],
    ['routing without a target', { call_routing: {} }],
    [
      'hours with a bad day entry',
      { call_hours: { weekly_operating_hours: [{ day_of_week: 'MONDAY' }] } }
    ]
  ])('refuses %s', (_name, body) => {
    expect(CallSettings.safeParse(body).success).toBe(false)
  })
})

describe('CallPermissions', () => {
  it('reads a granted permission with actions and limits', () => {
    const parsed = CallPermissions.parse({
      permission: { status: 'has_permission', expiration_time: '1700604800' },
      actions: [
        { action_name: 'start_call', can_perform: true },
        {
          action_name: 'send_call_permission_request',
          can_perform: false,
          limits: [
            {
              time_period: 'PT24H',
              max_allowed: 2,
              current_usage: 2,
              limit_expiration_time: 1700086400
            }
          ]
        }
      ]
    })
    expect(parsed.permission).toEqual({ status: 'has_permission', expiration_time: 1700604800 })
    expect(parsed.actions.map((a) => [a.action_name, a.can_perform])).toEqual([
      ['start_call', true],
      ['send_call_permission_request', false]
    ])
    expect(parsed.actions[1]!.limits![0]!.max_allowed).toBe(2)
  })

  it('defaults missing actions to an empty list', () => {
    expect(CallPermissions.parse({ permission: { status: 'no_permission' } })).toEqual({
      permission: { status: 'no_permission' },
      actions: []
    })
  })

  it('refuses a body without a permission status', () => {
    expect(CallPermissions.safeParse({ permission: {}, actions: [] }).success).toBe(false)
  })
})

describe('subscriptions and profile', () => {
  it('reads app subscriptions with fields as names or objects', () => {
    const parsed = AppSubscriptions.parse({
      data: [
        {
          object: 'page',
          callback_url: 'https://x.loca.lt/webhook',
          active: true,
          fields: ['calls', { name: 'messages', version: 'v26.0' }]
        },
        { object: 'user' }
      ]
    })
    expect(parsed.data[0]!.fields).toEqual(['calls', { name: 'messages', version: 'v26.0' }])
    expect(parsed.data[1]!.fields).toEqual([])
  })

  it('reads the page subscribed apps', () => {
    const parsed = PageSubscribedApps.parse({
      data: [{ id: '99', subscribed_fields: ['calls'] }, { id: '98' }]
    })
    expect(parsed.data.map((a) => a.subscribed_fields)).toEqual([['calls'], []])
  })

  it('reads a user profile with any subset of fields', () => {
    expect(UserProfile.parse({ first_name: 'Ada', profile_pic: 'https://cdn/x.jpg' })).toEqual({
      first_name: 'Ada',
      profile_pic: 'https://cdn/x.jpg'
    })
    expect(UserProfile.safeParse({ first_name: 7 }).success).toBe(false)
  })
})
