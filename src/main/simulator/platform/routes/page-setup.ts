/**
 * The Page's side of onboarding: which fields it sends the app (`subscribed_apps`) and where and
 * when calls ring (`messenger_call_settings`, whose `ring_target: META` is the classic trap).
 */
import { z } from 'zod'
import { GraphError, invalidParam, requiredParam } from '../graph-error'
import { jsonValue, optionalList, type Params } from '../params'
import type { CallSettingsState, Route, RouteContext } from '../world'

function subscribedApps({ world }: RouteContext): unknown {
  if (world.pageSubscribedFields.length === 0) return { data: [] }
  return {
    data: [{ id: world.appId, name: world.appName, subscribed_fields: world.pageSubscribedFields }]
  }
}

function subscribeApp({ world, params }: RouteContext): unknown {
  if (!world.pageToken.scopes.includes('pages_manage_metadata'))
    throw new GraphError({
      code: 200,
      type: 'OAuthException',
      message: '(#200) Requires pages_manage_metadata permission to manage the object'
    })
  const fields = optionalList(params, 'subscribed_fields')
  if (!fields || fields.length === 0) throw requiredParam('subscribed_fields')
  // Meta replaces the list: the last POST says everything the Page sends.
  world.pageSubscribedFields = [...new Set(fields)]
  return { success: true }
}

function unsubscribeApp({ world }: RouteContext): unknown {
  world.pageSubscribedFields = []
  return { success: true }
}

/** Form posts send booleans as text. */
const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
const HHMM = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'must be HHMM')
const Day = z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'])
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')

function isTimeZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id })
    return id.length > 0
  } catch {
    return false
  }
}

const SettingsUpdate = z.object({
  call_routing: z.object({ ring_target: z.enum(['PARTNERS', 'META']) }).optional(),
  icon_enabled: Flag.optional(),
  audio_enabled: Flag.optional(),
  video_enabled: Flag.optional(),
  call_hours: z
    .looseObject({
      timezone_id: z.string().refine(isTimeZone, 'must be an IANA time zone id'),
      weekly_operating_hours: z
        .array(
          z
            .object({ day_of_week: Day, open_time: HHMM, close_time: HHMM })
            .refine((w) => w.open_time < w.close_time, 'close_time must be after open_time')
        )
        .max(14)
        .optional(),
      holiday_schedule: z
        .array(
          z
            .object({ date: IsoDate, start_time: HHMM, end_time: HHMM })
            .refine((h) => h.start_time < h.end_time, 'end_time must be after start_time')
        )
        .max(20)
        .optional()
    })
    .optional(),
  holiday_schedule: z.array(z.unknown()).optional()
})

const SETTING_NAMES = [
  'call_routing',
  'icon_enabled',
  'audio_enabled',
  'video_enabled',
  'call_hours',
  'holiday_schedule'
] as const

/** Nested settings may come as JSON text (form posts) or as JSON members. */
function readUpdate(params: Params): z.infer<typeof SettingsUpdate> {
  const raw: Record<string, unknown> = {}
  for (const name of SETTING_NAMES) {
    if (params[name] !== undefined) raw[name] = jsonValue(params, name)
  }
  if (Object.keys(raw).length === 0)
    throw invalidParam(`At least one of {${SETTING_NAMES.join(', ')}} is required`)
  const parsed = SettingsUpdate.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.map(String).join('.') || 'settings'
    throw invalidParam(`Param ${where} is invalid: ${issue?.message ?? 'bad value'}`)
  }
  return parsed.data
}

function getCallSettings({ world, params }: RouteContext): unknown {
  const requested = optionalList(params, 'fields')
  const all: Record<string, unknown> = { ...world.callSettings }
  const settings = requested
    ? Object.fromEntries(Object.entries(all).filter(([key]) => requested.includes(key)))
    : all
  return world.callSettingsShape === 'data' ? { data: [settings] } : settings
}

function postCallSettings({ world, params }: RouteContext): unknown {
  const update = readUpdate(params)
  const next: CallSettingsState = { ...world.callSettings }
  if (update.call_routing) next.call_routing = { ...update.call_routing }
  if (update.icon_enabled !== undefined) next.icon_enabled = update.icon_enabled
  if (update.audio_enabled !== undefined) next.audio_enabled = update.audio_enabled
  if (update.video_enabled !== undefined) next.video_enabled = update.video_enabled
  if (update.call_hours) next.call_hours = update.call_hours
  if (update.holiday_schedule) next.holiday_schedule = update.holiday_schedule
  world.callSettings = next
  return { success: true }
}

export const pageSetupRoutes: Route[] = [
  { method: 'GET', edge: 'subscribed_apps', node: 'page', token: 'page', handle: subscribedApps },
  { method: 'POST', edge: 'subscribed_apps', node: 'page', token: 'page', handle: subscribeApp },
  {
    method: 'DELETE',
    edge: 'subscribed_apps',
    node: 'page',
    token: 'page',
    handle: unsubscribeApp
  },
  {
    method: 'GET',
    edge: 'messenger_call_settings',
    node: 'page',
    token: 'page',
    handle: getCallSettings
  },
  {
    method: 'POST',
    edge: 'messenger_call_settings',
    node: 'page',
    token: 'page',
    handle: postCallSettings
  }
]
