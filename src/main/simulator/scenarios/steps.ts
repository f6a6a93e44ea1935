/**
 * The steps scenarios share: ring a call, answer it from a desk, measure the audio both ways, and
 * check how the core, its history and the fake Graph saw the end. Each records its own checks.
 */
import type { CallOutcome, EndReason, RingingCall } from '../../../shared/calls'
import { countCandidates } from '../caller/sdp'
import type { RecordedRequest } from '../platform'
import type { HeadlessClient } from '../client/headless-client'
import { describeHearing, near } from '../client/headless-client'
import type { SimEnding } from '../meta-endings'
import type { PlaceCallOptions } from '../simulator'
import type { ScenarioContext } from './types'
import { describeCall } from './watch'

/** How long each kind of wait may take on a loaded machine before it counts as a failure. */
export const WAIT_MS = { ring: 5000, answer: 8000, audio: 6000, end: 5000, history: 3000 }
/** Long enough for the core to have acted on a delivery it acknowledged (it acks first). */
export const SETTLE_MS = 300

/** "call A: the core rings the call", or the plain name without a label. */
export const labelled = (label: string | undefined, name: string): string =>
  label ? `${label}: ${name}` : name

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** The customer calls: the signed connect webhook reaches the core and the call rings there. */
export async function ringCall(
  ctx: ScenarioContext,
  options: PlaceCallOptions = {},
  label?: string
): Promise<{ callId: string; call: RingingCall }> {
  const { report, sim, watch } = ctx
  const callId = await report.step(
    labelled(label, 'the signed connect webhook reaches the core'),
    () => sim.placeCall(options),
    (id) => `call ${id.slice(0, 12)}…`
  )
  const call = await report.step(
    labelled(label, 'the core rings the call'),
    () => watch.untilState(callId, 'ringing', WAIT_MS.ring),
    (rung) => `ringing, caller ${rung.caller.psid}`
  )
  if (call.state !== 'ringing') throw new Error('unreachable: untilState returned another state')
  return { callId, call }
}

/** The desk answers through the service API, and the core shows the call connected. */
export async function answerCall(
  ctx: ScenarioContext,
  desk: HeadlessClient,
  callId: string,
  label?: string
): Promise<void> {
  const { report, api, watch } = ctx
  await report.step(
    labelled(label, 'the desk answers through the service API'),
    () => withTimeout(desk.answer(api, callId), WAIT_MS.answer, 'accept'),
    (result) => {
      const candidates = desk.offerSent ? countCandidates(desk.offerSent) : 0
      const reneg = result.renegotiation === undefined ? '' : ' + renegotiation offer'
      return `offer with ${candidates} candidates sent; answer${reneg} applied`
    }
  )
  await report.step(
    labelled(label, 'the core shows the call connected'),
    () => watch.untilState(callId, 'connected', WAIT_MS.ring),
    describeCall
  )
}

/** Audio both ways, told apart by frequency: each side must hear the other's tone. */
export async function measureAudio(
  ctx: ScenarioContext,
  desk: HeadlessClient,
  callId: string,
  tones: { caller: number; desk: number },
  label?: string
): Promise<void> {
  const { report, sim } = ctx
  await report.attempt(
    labelled(label, `the caller hears ${tones.desk} Hz from the desk`),
    async () => {
      const caller = sim.callerOf(callId)
      if (!caller) throw new Error('Meta never created a caller for this call')
      return caller.waitForAudio({
        frequency: tones.desk,
        toleranceHz: 15,
        timeoutMs: WAIT_MS.audio
      })
    },
    (heard) =>
      `${heard.frequency?.toFixed(0) ?? 'no tone'} Hz, ${heard.level.toFixed(1)} dBFS, ${heard.packetsReceived} packets`
  )
  await report.attempt(
    labelled(label, `the desk hears ${tones.caller} Hz from the caller`),
    () =>
      desk.waitUntilHearing(
        (hearing) => hearing.packetsReceived >= 25 && near(hearing.frequency, tones.caller),
        WAIT_MS.audio
      ),
    describeHearing
  )
}

/** The core ends the call with this outcome and reason. */
export async function expectEnded(
  ctx: ScenarioContext,
  callId: string,
  outcome: CallOutcome,
  reason: EndReason,
  label?: string,
  waitMs = WAIT_MS.end
): Promise<void> {
  const { report, watch } = ctx
  const ended = await report.step(
    labelled(label, 'the core ends the call'),
    () => watch.untilState(callId, 'ended', waitMs),
    describeCall
  )
  if (ended.state !== 'ended') return
  report.equal(
    labelled(label, `the call ends ${outcome} (${reason})`),
    `${ended.outcome} (${ended.reason})`,
    `${outcome} (${reason})`
  )
}

/** The core announced the history record and lists it with the same outcome and reason. */
export async function expectHistory(
  ctx: ScenarioContext,
  callId: string,
  outcome: CallOutcome,
  reason: EndReason,
  label?: string
): Promise<void> {
  const { report, watch, api } = ctx
  await report.attempt(
    labelled(label, `history has the call as ${outcome} (${reason})`),
    async () => {
      await watch.untilHistory(callId, WAIT_MS.history)
      const listed = (await api.listHistory({ limit: 100 })).filter((r) => r.callId === callId)
      const record = listed[0]
      if (listed.length !== 1 || !record)
        throw new Error(`listHistory has ${listed.length} records for the call`)
      if (record.outcome !== outcome || record.reason !== reason)
        throw new Error(`listed as ${record.outcome} (${record.reason})`)
      return record
    },
    (record) => `${record.outcome} (${record.reason}), talked ${record.durationSeconds} s`
  )
}

/** The request the core made to the fake Graph for this call and action, if any. */
export function graphRequest(
  ctx: ScenarioContext,
  callId: string,
  action: string
): RecordedRequest | undefined {
  return ctx.sim.graph.requests.find(
    (request) =>
      request.method === 'POST' &&
      request.action === action &&
      typeof request.body === 'object' &&
      request.body !== null &&
      (request.body as Record<string, unknown>)['call_id'] === callId
  )
}

/** Records whether the core asked Graph to `action` the call, and Graph said yes. */
export function expectGraphAction(ctx: ScenarioContext, callId: string, action: string): void {
  const request = graphRequest(ctx, callId, action)
  ctx.report.check(
    `the fake Graph got ${action} for the call`,
    request?.status === 200,
    request ? `POST ${request.path} action=${action}: HTTP ${request.status ?? 'pending'}` : 'none'
  )
}

/** Meta's terminate webhook for the call was delivered, and the core took it. */
export async function expectMetaTerminate(
  ctx: ScenarioContext,
  ending: Promise<SimEnding>,
  label?: string
): Promise<SimEnding | undefined> {
  return ctx.report.attempt(
    labelled(label, "Meta's terminate webhook reaches the core"),
    async () => {
      const end = await withTimeout(ending, WAIT_MS.end, "Meta's terminate webhook")
      if (end.webhookStatuses[0] !== 200)
        throw new Error(`the core answered HTTP ${end.webhookStatuses.join(', ')}`)
      return end
    },
    (end) => `ended by ${end.by}: ${end.summary.status}, talked ${end.summary.duration} s, HTTP 200`
  )
}
