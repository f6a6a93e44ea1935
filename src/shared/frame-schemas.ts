/**
 * The zod schemas of the frames main receives from a UI, checked where they arrive (the IPC
 * handlers, the WebSocket bridge). They live apart from ipc.ts and bridge-protocol.ts, which only
 * name channels and shapes: the preload and the toast window import those and bundle no zod.
 */
import { z } from 'zod'
import type { RequestFrame } from './bridge-protocol'
import type { CallAction, IpcCommand } from './ipc'

export const IpcCommandSchema = z.object({
  command: z.string().min(1).max(64),
  request: z.unknown()
})

export const CallActionSchema = z
  .object({
    callId: z.string().min(1).max(256),
    action: z.enum(['answer', 'decline', 'focus'])
  })
  .strict()

export const RequestFrameSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  command: z.string().min(1).max(64),
  request: z.unknown()
})

// Fail to compile when a schema and the plain type the UIs use part ways.
type Agree<Parsed, Plain> = [Parsed] extends [Plain]
  ? [Plain] extends [Parsed]
    ? true
    : never
  : never
const _agree: [
  Agree<z.output<typeof CallActionSchema>, CallAction>,
  Agree<z.output<typeof RequestFrameSchema>, RequestFrame>,
  Agree<z.output<typeof IpcCommandSchema>['request'], IpcCommand['request']>
] = [true, true, true]
void _agree
