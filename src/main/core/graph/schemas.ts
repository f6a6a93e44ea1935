/**
 * Graph responses only this client reads, next to the shared ones in src/shared/graph.ts.
 */
import { z } from 'zod'

/** `GET /{page-id}?fields=id,name` and `GET /me?fields=id,name` with a Page token. */
export const PageInfo = z.looseObject({ id: z.string().min(1), name: z.string().optional() })
export type PageInfo = z.infer<typeof PageInfo>

/** Replies whose body we do not need, where Graph may or may not say `success`. */
export const MaybeSuccess = z.looseObject({ success: z.boolean().optional() })
