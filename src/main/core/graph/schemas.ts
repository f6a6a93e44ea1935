/**
 * Graph responses only this client reads, next to the shared ones in src/shared/graph.ts.
 */
import { z } from 'zod'

/** `GET /{page-id}?fields=id,name` and `GET /me?fields=id,name` with a Page token. */
export const PageInfo = z.looseObject({ id: z.string().min(1), name: z.string().optional() })
export type PageInfo = z.infer<typeof PageInfo>

/** Replies whose body we do not need, where Graph may or may not say `success`. */
/** Some edges answer `{success}`, the call settings page documents `{result: "success" | "failure"}`. */
export const MaybeSuccess = z.looseObject({
  success: z.boolean().optional(),
  result: z.string().optional()
})

/** Graph sends ids as strings; a number is read the same. */
const GraphIdValue = z.union([z.string(), z.number()]).transform(String)

/** `GET /{app-id}?fields=id,name` with the app token. */
export const AppInfo = z.looseObject({ id: GraphIdValue, name: z.string().optional() })
export type AppInfo = z.infer<typeof AppInfo>

/** `GET /debug_token?input_token=...` with the app token: what Meta knows about a token. */
export const TokenDebug = z.looseObject({
  data: z.looseObject({
    is_valid: z.boolean(),
    app_id: GraphIdValue.optional(),
    /** USER, PAGE, APP... */
    type: z.string().optional(),
    application: z.string().optional(),
    /** Unix seconds; 0 means it never expires. */
    expires_at: z.number().optional(),
    data_access_expires_at: z.number().optional(),
    /** The Page of a Page token. */
    profile_id: GraphIdValue.optional(),
    user_id: GraphIdValue.optional(),
    scopes: z.array(z.string()).default([]),
    granular_scopes: z
      .array(z.looseObject({ scope: z.string(), target_ids: z.array(GraphIdValue).optional() }))
      .default([]),
    error: z
      .looseObject({
        code: z.number().optional(),
        subcode: z.number().optional(),
        message: z.string().optional()
      })
      .optional()
  })
})
export type TokenDebug = z.infer<typeof TokenDebug>['data']
