/**
 * Starts the load worker and runs jobs on it one at a time. The worker file is TypeScript, and
 * workers do not inherit tsx's loader, so the thread boots through tsx's own `tsImport`.
 */
import { Worker } from 'node:worker_threads'
import type { LoadResult } from './open-loop'
import type { FromWorker, LoadJob, ToWorker } from './load-worker'

export interface LoadClient {
  run(job: LoadJob): Promise<LoadResult>
  stop(): Promise<void>
}

export function startLoadClient(): LoadClient {
  const tsxApi = import.meta.resolve('tsx/esm/api')
  const entry = new URL('./load-worker.ts', import.meta.url).href
  const boot =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`
  const worker = new Worker(boot, { eval: true, execArgv: [] })
  let failure: Error | undefined
  worker.on('error', (error) => (failure = error))

  const send = (message: ToWorker): void => worker.postMessage(message)

  return {
    run(job) {
      if (failure) return Promise.reject(failure)
      return new Promise((resolve, reject) => {
        const onMessage = (message: FromWorker): void => {
          cleanup()
          if (message.type === 'result') resolve(message.result)
          else reject(new Error(`load worker: ${message.message}`))
        }
        const onError = (error: Error): void => {
          cleanup()
          reject(error)
        }
        const onExit = (code: number): void => {
          cleanup()
          reject(new Error(`load worker exited with code ${code}`))
        }
        const cleanup = (): void => {
          worker.off('message', onMessage)
          worker.off('error', onError)
          worker.off('exit', onExit)
        }
        worker.on('message', onMessage)
        worker.on('error', onError)
        worker.on('exit', onExit)
        send({ type: 'run', job })
      })
    },
    async stop() {
      send({ type: 'stop' })
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 2000)
        worker.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
}
