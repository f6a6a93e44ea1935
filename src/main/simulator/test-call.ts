/**
 * The in-app "Test call": the Messenger simulator plays a customer who greets the user with a tone
 * and then echoes their microphone back. The core runs it through its real webhook server and
 * Graph client (see src/main/core/test-line.ts); this file only starts the simulator with
 * credentials made up for this run, so nothing about it can reach or resemble a real Page.
 */
import { randomBytes } from 'node:crypto'
import type { TestCallSimulatorFactory } from '../core/test-line'

const TEST_PSID = 'test-caller'

export const createTestCallSimulator: TestCallSimulatorFactory = async (logger) => {
  const credentials = {
    pageId: 'test-page',
    pageAccessToken: `test-${randomBytes(16).toString('hex')}`,
    appId: 'test-app',
    appSecret: randomBytes(24).toString('hex')
  }
  const { startSimulator } = await import('./simulator')
  const simulator = await startSimulator({
    ...credentials,
    // A short greeting tone, then the user's own voice: the whole path, heard end to end.
    callerAudio: { mode: 'echo', greetingMs: 1500, greetingFrequency: 440 },
    // No photo: the desk draws the test caller's own face ("TC"), not a stand-in picture.
    profiles: { [TEST_PSID]: { first_name: 'Test', last_name: 'caller', profile_pic: null } },
    logger
  })
  return {
    graphUrl: simulator.graphUrl,
    graphVersion: 'v26.0',
    credentials,
    async placeCall(webhookUrl, ringing) {
      simulator.setWebhookUrl(webhookUrl)
      // Ring, then tell the core the id, then deliver: its connect never arrives unannounced.
      const callId = simulator.ring({ psid: TEST_PSID })
      ringing?.(callId)
      const [status = 0] = await simulator.deliverConnect(callId)
      if (status < 200 || status >= 300) {
        throw new Error(`The test line refused the connect webhook (HTTP ${status}).`)
      }
      return { callId }
    },
    close: () => simulator.close()
  }
}
