/**
 * The zod side of ./command-protocol.ts: main checks every incoming frame with these before the
 * service sees it. Kept apart so that clients importing the frame types (the preload) carry no zod.
 */
import { z } from 'zod'
import { COMMAND_LIMITS } from './command-protocol'

export const CommandFrameSchema = z.object({
  command: z.string().min(1).max(COMMAND_LIMITS.nameChars),
  request: z.unknown()
})

/**
 * The bridge's envelope around a command frame. Only the envelope is checked here: without a usable
 * id no reply can be addressed; the frame inside is checked by `CommandFrameSchema`, as over IPC.
 */
export const BridgeEnvelopeSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  command: z.unknown(),
  request: z.unknown()
})
