/**
 * The Graph API responses the app reads. Loose like the webhook schemas: Graph adds fields freely.
 */
import { z } from 'zod'
import { SdpField, UnixSeconds } from './webhook'

export const GraphErrorBody = z.looseObject({
  error: z.looseObject({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional()
  })
})
export type GraphErrorBody = z.infer<typeof GraphErrorBody>

export const SuccessResponse = z.looseObject({ success: z.boolean() })
export type SuccessResponse = z.infer<typeof SuccessResponse>

/** `action: accept`: Meta's answer to our offer, usually followed by its own renegotiation offer. */
export const AcceptResponse = z.looseObject({
  success: z.boolean(),
  session: z.looseObject({
    sdp_response: SdpField,
    sdp_renegotiation: SdpField.optional()
  })
})
export type AcceptResponse = z.infer<typeof AcceptResponse>

/** `action: connect` (business-initiated): the new call id and Meta's answer. */
export const ConnectResponse = z.looseObject({
  success: z.boolean().optional(),
  id: z.string().min(1),
  session: z.looseObject({
    sdp_response: SdpField,
    sdp_renegotiation: SdpField.optional()
  })
})
export type ConnectResponse = z.infer<typeof ConnectResponse>

export const UserProfile = z.looseObject({
  id: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  name: z.string().optional(),
  profile_pic: z.string().optional()
})
export type UserProfile = z.infer<typeof UserProfile>

export const SubscriptionField = z.union([
  z.string(),
  z.looseObject({ name: z.string(), version: z.string().optional() })
])

/** `GET /{app-id}/subscriptions` */
export const AppSubscriptions = z.looseObject({
  data: z.array(
    z.looseObject({
      object: z.string(),
      callback_url: z.string().optional(),
      active: z.boolean().optional(),
      fields: z.array(SubscriptionField).default([])
    })
  )
})
export type AppSubscriptions = z.infer<typeof AppSubscriptions>

/** `GET /{page-id}/subscribed_apps` */
export const PageSubscribedApps = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string().optional(),
      subscribed_fields: z.array(z.string()).default([])
    })
  )
})
export type PageSubscribedApps = z.infer<typeof PageSubscribedApps>

export const WeeklyHours = z.looseObject({
  day_of_week: z.string(),
  open_time: z.string(),
  close_time: z.string()
})

export const CallSettingsFields = z.looseObject({
  call_routing: z.looseObject({ ring_target: z.string() }).optional(),
  icon_enabled: z.boolean().optional(),
  audio_enabled: z.boolean().optional(),
  video_enabled: z.boolean().optional(),
  call_hours: z
    .looseObject({
      timezone_id: z.string().optional(),
      weekly_operating_hours: z.array(WeeklyHours).optional(),
      holiday_schedule: z
        .array(z.looseObject({ date: z.string(), start_time: z.string(), end_time: z.string() }))
        .optional()
    })
    .optional()
})

/** `GET /{page-id}/messenger_call_settings`: read both as a bare object and as a `data[]` wrapper. */
export const CallSettings = z.union([
  z.looseObject({ data: z.array(CallSettingsFields).min(1) }).transform((v) => v.data[0]!),
  CallSettingsFields
])
export type CallSettings = z.infer<typeof CallSettingsFields>

export const PermissionLimit = z.looseObject({
  time_period: z.string().optional(),
  max_allowed: z.number().optional(),
  current_usage: z.number().optional(),
  limit_expiration_time: UnixSeconds.optional()
})

/** `GET /{page-id}/messenger_call_permissions?psid=` */
export const CallPermissions = z.looseObject({
  permission: z.looseObject({
    status: z.string(),
    expiration_time: UnixSeconds.optional()
  }),
  actions: z
    .array(
      z.looseObject({
        action_name: z.string(),
        can_perform: z.boolean(),
        limits: z.array(PermissionLimit).optional()
      })
    )
    .default([])
})
export type CallPermissions = z.infer<typeof CallPermissions>

/** `POST /{page-id}/messages` */
export const SendMessageResponse = z.looseObject({
  recipient_id: z.string().optional(),
  message_id: z.string().optional()
})
export type SendMessageResponse = z.infer<typeof SendMessageResponse>
