/**
 * The built-in test call: a customer played by the project's Messenger simulator rings this desk,
 * so a new owner hears the whole path work before connecting a Page. The call runs through the real
 * webhook server and Graph client code, each pointed at the simulator instead of Meta; only the
 * instances are separate, so a test call can never reach Meta and a real call never the simulator.
 * The core does not import the simulator: the composition root hands in a factory.
 */
import type { Caller } from '../../shared/calls'
import type { CallRegistry } from './calls'
import { GraphClient, ProfileCache, type GraphCredentials } from './graph'
import type { Logger } from './log'
import type { CallControl, CallerLookup, TestCallPort } from './service/ports'
import { createWebhookServer, type WebhookServer } from './webhook/server'

export interface TestCallSimulator {
  /** Where the simulator's fake Graph API listens (scheme and host). */
  readonly graphUrl: string
  readonly graphVersion: string
  readonly credentials: GraphCredentials
  /**
   * Rings: the simulator delivers a signed connect webhook to `webhookUrl`. `ringing` learns the
   * call's id first, before that webhook is sent.
   */
  placeCall(webhookUrl: string, ringing?: (callId: string) => void): Promise<{ callId: string }>
  close(): Promise<void>
}

export type TestCallSimulatorFactory = (logger: Logger) => Promise<TestCallSimulator>

interface Line {
  simulator: TestCallSimulator
  webhook: WebhookServer
  webhookUrl: string
  graph: GraphClient
  profiles: ProfileCache
}

export class TestLine implements TestCallPort {
  private line: Promise<Line> | undefined
  private readonly psids = new Set<string>()
  /** The desk each test call rings on, by call id, known before its connect arrives. */
  private readonly desks = new Map<string, string>()
  private readonly log: Logger

  constructor(
    private readonly deps: {
      factory: TestCallSimulatorFactory
      registry: Pick<CallRegistry, 'handleEvent'>
      logger: Logger
    }
  ) {
    this.log = deps.logger.child('test-line')
  }

  async start(testDesk?: string): Promise<string> {
    const line = await this.open()
    let rung: string | undefined
    try {
      const { callId } = await line.simulator.placeCall(line.webhookUrl, (id) => {
        rung = id
        if (testDesk !== undefined) this.desks.set(id, testDesk)
      })
      return callId
    } catch (error) {
      // Its connect was refused: nothing will ever take the desk.
      if (rung !== undefined) this.desks.delete(rung)
      throw error
    }
  }

  /** The Graph actions for a test call: the same client code, aimed at the simulator. */
  readonly control: CallControl = {
    accept: async (callId, sdp) => (await this.open()).graph.acceptCall(callId, sdp),
    reject: async (callId) => (await this.open()).graph.rejectCall(callId),
    terminate: async (callId) => (await this.open()).graph.terminateCall(callId)
  }

  /** Profiles of the simulator's callers; undefined for everyone else. */
  readonly profiles: CallerLookup = {
    lookup: async (psid): Promise<Pick<Caller, 'name' | 'photo'> | undefined> => {
      if (!this.psids.has(psid) || !this.line) return undefined
      return (await this.line).profiles.get(psid)
    }
  }

  async close(): Promise<void> {
    const line = this.line
    this.line = undefined
    if (!line) return
    const opened = await line.catch(() => undefined)
    if (!opened) return
    await opened.webhook.close()
    await opened.simulator.close()
  }

  private open(): Promise<Line> {
    this.line ??= this.create().catch((error: unknown) => {
      this.line = undefined
      throw error
    })
    return this.line
  }

  private async create(): Promise<Line> {
    const simulator = await this.deps.factory(this.log)
    const webhook = createWebhookServer({
      appSecret: simulator.credentials.appSecret,
      verifyToken: 'test-line',
      logger: this.log.child('webhook'),
      onEvents: (events, meta) => {
        for (const item of events) {
          if (item.kind !== 'call') continue
          let testDesk: string | undefined
          if (item.event.event === 'connect') {
            this.psids.add(item.event.from)
            // Taken once: the connect is the only event that creates the call.
            testDesk = this.desks.get(item.event.id)
            this.desks.delete(item.event.id)
          }
          // The registry marks the call `test` (and its desk) from its first snapshot on: that flag
          // is the one place every part (Do not disturb, Graph actions, history, metrics) asks.
          this.deps.registry.handleEvent(item.event, item.pageId, meta.receivedAt, {
            test: true,
            testDesk
          })
        }
      }
    })
    const { url } = await webhook.listen(0)
    const graph = new GraphClient({
      credentials: () => simulator.credentials,
      host: simulator.graphUrl,
      version: simulator.graphVersion,
      logger: this.log.child('graph')
    })
    const profiles = new ProfileCache(graph, { logger: this.log.child('profiles') })
    this.log.info('test line ready', { graph: simulator.graphUrl })
    return { simulator, webhook, webhookUrl: url, graph, profiles }
  }
}
