import { spawn } from 'node:child_process'
import { createFakeGraph } from '/work/main/src/main/simulator/platform'
import { startFakeLocaltunnelServer } from '/work/main/tests/support/fake-localtunnel-server'

const graph = await createFakeGraph({ pageId: '106378625516323', pageAccessToken: 'EAAsmoketoken0123456789abcdefghij', appId: '987654321012345', appSecret: 'smoke-secret-123' })
const lt = await startFakeLocaltunnelServer()
const child = spawn('npx', ['tsx', 'src/main/serve.ts'], {
  cwd: '/work/main',
  env: { ...process.env, FB_PAGE_ID: '106378625516323', FB_PAGE_ACCESS_TOKEN: 'EAAsmoketoken0123456789abcdefghij', FB_APP_ID: '987654321012345', FB_APP_SECRET: 'smoke-secret-123', FB_VERIFY_TOKEN: 'smoke-verify-token', GRAPH_API_URL: graph.url, WEBHOOK_PORT: '0', SOFTPHONE_UI_PORT: '0', TUNNEL: 'localtunnel', TUNNEL_HOST: lt.url, SOFTPHONE_DATA_DIR: '/tmp/ltsmoke/data' },
  stdio: ['ignore', 'inherit', 'inherit']
})
await new Promise((r) => setTimeout(r, 6000))
console.log('SUBSCRIPTIONS', JSON.stringify(graph.subscriptions.map((s) => s.callback_url)))
const [id] = lt.clientIds()
lt.dropClient(id!)
await new Promise((r) => setTimeout(r, 4000))
console.log('SUBSCRIPTIONS', JSON.stringify(graph.subscriptions.map((s) => s.callback_url)), lt.clientIds())
child.kill('SIGTERM')
await new Promise((r) => child.once('exit', r))
console.log('after stop clients', lt.clientIds())
await new Promise((r) => setTimeout(r, 1500))
console.log('after grace clients', lt.clientIds())
await lt.close(); await graph.close()
