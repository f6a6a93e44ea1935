/**
 * The Content-Security-Policy of the app's pages, one copy for every place that sends it: the
 * desktop shell's response header, browser mode's static server, and (minus the header-only
 * directives) the <meta> tags in the pages, which a test keeps equal.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Vue's scoped styles and :style bindings are inline; scripts never are.
  "style-src 'self' 'unsafe-inline'",
  // Caller photos arrive as data: URLs fetched by main, never from Meta's CDN directly.
  "img-src 'self' data:",
  "media-src 'self' blob: data:",
  // The windows talk to main over IPC; browser mode's bridge is on the page's own origin.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Header only: a <meta> policy cannot carry it (the CSP spec ignores it there).
  "frame-ancestors 'none'"
] as const

/** Directives only a header can deliver, so the pages' <meta> tags lack them. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors']

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')
