import { describe, expect, it } from 'vitest'
import { GraphClient, isGraphError } from '../../../../src/main/core/graph'
import { readCallHours, writeCallHours } from '../../../../src/main/core/graph/call-hours-api'
import type { BusinessHours } from '../../../../src/shared/business-hours'
import {
  APP_ID,
  APP_SECRET,
  PAGE_ID,
  PAGE_TOKEN,
  startGraph
} from '../../simulator/platform/helpers'

const hours: BusinessHours = {
  timeZone: 'Europe/Paris',
  weekly: {
    MONDAY: [
      { open: '09:00', close: '12:00' },
      { open: '14:00', close: '18:00' }
    ],
    TUESDAY: [{ open: '09:00', close: '17:00' }],
    WEDNESDAY: [],
    THURSDAY: [],
    FRIDAY: [],
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: [{ from: '2026-12-24', to: '2026-12-25' }]
}

async function setup() {
  const { graph } = await startGraph()
  const client = new GraphClient({
    host: graph.url,
    credentials: () => ({
      pageId: PAGE_ID,
      pageAccessToken: PAGE_TOKEN,
      appId: APP_ID,
      appSecret: APP_SECRET
    })
  })
  return { graph, client }
}

describe('call hours on the simulated Page', () => {
  it("writes Meta's call_hours and reads the same hours back", async () => {
    const { graph, client } = await setup()
    await writeCallHours(client, hours)
    expect(graph.callSettings.call_hours).toEqual({
      timezone_id: 'Europe/Paris',
      weekly_operating_hours: [
        { day_of_week: 'MONDAY', open_time: '0900', close_time: '1200' },
        { day_of_week: 'MONDAY', open_time: '1400', close_time: '1800' },
        { day_of_week: 'TUESDAY', open_time: '0900', close_time: '1700' }
      ],
      holiday_schedule: [
        { date: '2026-12-24', start_time: '0000', end_time: '2359' },
        { date: '2026-12-25', start_time: '0000', end_time: '2359' }
      ]
    })
    // The other settings stay as they were.
    expect(graph.callSettings.call_routing).toEqual({ ring_target: 'PARTNERS' })
    expect(await readCallHours(client)).toEqual(hours)
  })

  it('reads no hours from a Page that publishes none', async () => {
    const { client } = await setup()
    expect(await readCallHours(client)).toBeNull()
  })

  it('turns a refused shape into a sentence about the business hours', async () => {
    const { client } = await setup()
    const error = await writeCallHours(client, { ...hours, timeZone: 'Mars/Olympus' }).catch(
      (e: unknown) => e
    )
    expect(isGraphError(error)).toBe(true)
    if (!isGraphError(error)) return
    expect(error.userMessage).toMatch(/^Facebook refused these business hours \(.*timezone_id/)
    expect(error.userMessage).toMatch(/Check the opening times, holidays and time zone/)
  })
})
