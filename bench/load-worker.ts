/**
 * The benchmark's client, on a worker thread: same process as the servers, but its own event loop,
 * so the servers' work after an acknowledgement cannot delay its timers or its reading of the
 * response (Meta's client is remote; ours must not be slowed by the server under test). One
 * keep-alive agent serves every target, so each gets the same client.
 */
import http from 'node:http'
import { parentPort } from 'node:worker_threads'
import { signedConnect } from './deliveries'
import { runOpenLoop } from './open-loop'
import type { LoadResult } from './open-loop'

export interface LoadJob {
  url: string
  rps: number
  seconds: number
  /** Call ids are `${callIdPrefix}_${index}`: unique per job, so the consumer can count losses. */
  callIdPrefix: string
  appSecret: string
}

export type ToWorker = { type: 'run'; job: LoadJob } | { type: 'stop' }
export type FromWorker = { type: 'result'; result: LoadResult } | { type: 'error'; message: string }

const port = parentPort
if (!port) throw new Error('load-worker.ts runs as a worker thread only')

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') {
    agent.destroy()
    port.close()
    return
  }
  const { job } = message
  runOpenLoop({
    url: job.url,
    rps: job.rps,
    seconds: job.seconds,
    agent,
    prepare: (i) => signedConnect(`${job.callIdPrefix}_${i}`, job.appSecret)
  }).then(
    (result) => port.postMessage({ type: 'result', result } satisfies FromWorker),
    (error: unknown) =>
      port.postMessage({ type: 'error', message: String(error) } satisfies FromWorker)
  )
})
