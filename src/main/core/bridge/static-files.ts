/**
 * Serves the built renderer in browser mode. Only files under the root are reachable, and every
 * response carries the same Content-Security-Policy the desktop window enforces.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export function staticFiles(root: string) {
  const base = normalize(root + sep)
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
    const file = normalize(join(base, relative))
    if (!file.startsWith(base)) return false
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) return false
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'max-age=3600'
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
    return true
  }
}
