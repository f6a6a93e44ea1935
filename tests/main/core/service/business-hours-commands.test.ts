import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsStore } from '../../../../src/main/core/config'
import { GraphClient } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { businessHoursCommands } from '../../../../src/main/core/service/business-hours-commands'
import { ServiceError } from '../../../../src/shared/api'
import type { BusinessHours } from '../../../../src/shared/business-hours'
import {
  APP_ID,
  APP_SECRET,
  PAGE_ID,
  PAGE_TOKEN,
  startGraph
} from '../../simulator/platform/helpers'

const hours: BusinessHours = {
  timeZone: 'America/New_York',
  weekly: {
    MONDAY: [{ open: '09:00', close: '17:00' }],
    TUESDAY: [{ open: '09:00', close: '17:00' }],
    WEDNESDAY: [],
    THURSDAY: [],
    FRIDAY: [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '16:00' }
    ],
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: [{ from: '2026-11-26', to: '2026-11-27' }]
}

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function setup() {
  const { graph } = await startGraph()
  const dir = await mkdtemp(join(tmpdir(), 'hours-'))
  dirs.push(dir)
  const logger = memoryLogger()
  const settings = await SettingsStore.open(dir, logger)
  const client = new GraphClient({
    host: graph.url,
    credentials: () => ({
      pageId: PAGE_ID,
      pageAccessToken: PAGE_TOKEN,
      appId: APP_ID,
      appSecret: APP_SECRET
    })
  })
  const commands = businessHoursCommands({ settings, callSettings: () => client, logger })
  return { graph, dir, logger, settings, commands }
}

describe('business hours commands against the simulated Page', () => {
  it("saves in the hub's settings, publishes call_hours and reads the same back", async () => {
    const { graph, dir, logger, commands } = await setup()
    expect(await commands.getBusinessHours()).toEqual({ saved: null, page: null, differs: false })
    const view = await commands.saveBusinessHours({ hours })
    expect(view).toEqual({ saved: hours, page: hours, differs: false })
    expect(graph.callSettings.call_hours).toMatchObject({
      timezone_id: 'America/New_York',
      holiday_schedule: [
        { date: '2026-11-26', start_time: '0000', end_time: '2359' },
        { date: '2026-11-27', start_time: '0000', end_time: '2359' }
      ]
    })
    // Kept across a restart: the settings file has them.
    const reopened = await SettingsStore.open(dir, logger)
    expect(reopened.get().hours.schedule).toEqual(hours)
  })

  it('tells when the Page has other hours than the saved ones', async () => {
    const { graph, commands } = await setup()
    await commands.saveBusinessHours({ hours })
    // Someone changed the hours on Facebook (another tool, Meta Business Suite).
    graph.updateCallSettings({
      call_hours: {
        timezone_id: 'America/New_York',
        weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '1000', close_time: '1600' }]
      }
    })
    const view = await commands.getBusinessHours()
    expect(view.differs).toBe(true)
    expect(view.saved).toEqual(hours)
    expect(view.page?.weekly.MONDAY).toEqual([{ open: '10:00', close: '16:00' }])
  })

  it('refuses a shape Meta refuses with a sentence about the hours', async () => {
    const { commands } = await setup()
    // A month off is one range here but 31 holiday dates at Meta, which takes at most 20.
    const error = await commands
      .saveBusinessHours({
        hours: { ...hours, holidays: [{ from: '2026-12-01', to: '2026-12-31' }] }
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).message).toMatch(
      /^The hours are saved in this app but not on the Page\. Facebook refused these business hours \(.*holiday_schedule.*\)\. Check the opening times/
    )
    // Saved here all the same (calls follow them); the Page keeps none, which shows as a difference.
    expect(await commands.getBusinessHours()).toMatchObject({ page: null, differs: true })
  })

  it('still shows the saved hours when the Page cannot be read', async () => {
    const { commands, settings } = await setup()
    await settings.update({ hours: { schedule: hours } })
    const offline = businessHoursCommands({
      settings,
      callSettings: () => {
        throw new ServiceError(
          'not-configured',
          'No Facebook Page is connected yet; connect one in Settings.'
        )
      },
      logger: memoryLogger()
    })
    expect(await offline.getBusinessHours()).toEqual({
      saved: hours,
      page: null,
      differs: true,
      pageError: 'No Facebook Page is connected yet; connect one in Settings.'
    })
    expect(commands).toBeDefined()
  })
})
