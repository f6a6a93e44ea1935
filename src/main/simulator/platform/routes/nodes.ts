/**
 * `GET /{id}?fields=...` for the three kinds of node the app reads: the Page (`/me` with the Page
 * token too), the app, and a person by PSID (name and photo of the caller).
 */
import type { TokenKind } from '../auth'
import { invalidParam, unsupportedRequest } from '../graph-error'
import { optionalList } from '../params'
import type { Route, RouteContext, SimProfile, World } from '../world'
import { debugToken } from './debug-token'

const PROFILE_FIELDS = ['id', 'name', 'first_name', 'last_name', 'profile_pic'] as const
/** What Graph returns for a PSID when `fields` is absent (the User Profile API's defaults). */
const PROFILE_DEFAULTS = ['first_name', 'last_name', 'profile_pic', 'id']
const PAGE_FIELDS = ['id', 'name'] as const
const APP_FIELDS = ['id', 'name'] as const

/** Where the fake CDN serves a person's photo; the `oe` parameter mimics Meta's expiring URLs. */
export function photoUrl(world: World, psid: string): string {
  const expires = Math.floor(Date.now() / 1000 + 3 * 24 * 3600).toString(16)
  return `${world.baseUrl}/photos/${encodeURIComponent(psid)}.png?oe=${expires}`
}

function pick(
  nodeType: string,
  allowed: readonly string[],
  requested: string[],
  values: Record<string, string | undefined>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of requested) {
    if (!allowed.includes(field))
      throw invalidParam(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`)
    const value = values[field]
    if (value !== undefined) out[field] = value
  }
  return out
}

function profileValues(world: World, psid: string, profile: SimProfile) {
  const pic = profile.profile_pic === undefined ? photoUrl(world, psid) : profile.profile_pic
  return {
    id: psid,
    first_name: profile.first_name,
    last_name: profile.last_name,
    name: `${profile.first_name} ${profile.last_name}`.trim(),
    profile_pic: pic ?? undefined
  }
}

function nodeKind(world: World, nodeId: string): 'page' | 'app' | 'person' | undefined {
  if (nodeId === world.pageId || nodeId === 'me') return 'page'
  if (nodeId === world.appId) return 'app'
  return world.profiles.has(nodeId) ? 'person' : undefined
}

function getNode({ world, params, nodeId }: RouteContext): unknown {
  if (nodeId === 'debug_token') return debugToken(world, params)
  const requested = optionalList(params, 'fields')
  switch (nodeKind(world, nodeId)) {
    case 'page':
      return pick('Page', PAGE_FIELDS, requested ?? ['name', 'id'], {
        id: world.pageId,
        name: world.pageName
      })
    case 'app': {
      const fields = requested ?? ['name', 'id']
      // Not in Meta's reference for the app node, but what developers' tools read for the mode.
      const mode = fields.includes('development_mode')
        ? { development_mode: world.appMode === 'development' }
        : {}
      const named = fields.filter((field) => field !== 'development_mode')
      return {
        ...pick('Application', APP_FIELDS, named, { id: world.appId, name: world.appName }),
        ...mode
      }
    }
    case 'person': {
      const profile = world.profiles.get(nodeId)
      if (!profile) throw unsupportedRequest('GET', nodeId)
      return pick(
        'User',
        PROFILE_FIELDS,
        requested ?? PROFILE_DEFAULTS,
        profileValues(world, nodeId, profile)
      )
    }
    case undefined:
      throw unsupportedRequest('GET', nodeId)
  }
}

/** The app node and debug_token want the app token; the rest is read with the Page token. */
function nodeToken({ world, nodeId }: RouteContext): TokenKind {
  return nodeId === world.appId || nodeId === 'debug_token' ? 'app' : 'page'
}

export const nodeRoutes: Route[] = [
  { method: 'GET', edge: null, node: 'any', token: nodeToken, handle: getNode }
]
