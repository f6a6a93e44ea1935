/**
 * WebSocket upgrades on the webhook listener: handed to the handler of their path (the seat link),
 * refused with a 404 on any other, and never allowed on the webhook's own path.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { silentLogger } from '../../../../src/main/core/log'
import { createWebhookServer, type WebhookServer } from '../../../../src/main/core/webhook/server'

let server: WebhookServer | undefined
afterEach(async () => {
  await server?.close()
})

async function listening() {
  server = createWebhookServer({
    appSecret: 'secret',
    verifyToken: 'token',
    logger: silentLogger,
    onEvents: () => undefined
  })
  const { port } = await server.listen(0)
  return { server, base: `ws://127.0.0.1:${port}` }
}

/** Resolves with the first message, or rejects with the HTTP status of a refused upgrade. */
function firstMessage(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('message', (data) => {
      resolve(String(data))
      socket.close()
    })
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`))
    )
    socket.once('error', reject)
  })
}

describe('upgrades on the webhook listener', () => {
  it('hands an upgrade on a served path to its handler, until it stops serving', async () => {
    const { server, base } = await listening()
    const wss = new WebSocketServer({ noServer: true })
    const stop = server.serveUpgrades('/softphone/seats', (request, socket, head) =>
      wss.handleUpgrade(request, socket, head, (ws) => ws.send('hello seat'))
    )
    await expect(firstMessage(`${base}/softphone/seats`)).resolves.toBe('hello seat')
    await expect(firstMessage(`${base}/softphone/other`)).rejects.toThrow('HTTP 404')
    stop()
    await expect(firstMessage(`${base}/softphone/seats`)).rejects.toThrow('HTTP 404')
    wss.close()
  })

  it('refuses to serve upgrades on the webhook path or a pattern', async () => {
    const { server } = await listening()
    expect(() => server.serveUpgrades('/webhook', () => undefined)).toThrow(/Invalid upgrade/)
    expect(() => server.serveUpgrades('/seats/:id', () => undefined)).toThrow(/Invalid upgrade/)
  })
})
