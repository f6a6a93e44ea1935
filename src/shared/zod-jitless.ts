/**
 * Zod without `new Function`. Our pages run under a Content-Security-Policy without 'unsafe-eval'
 * (Electron security checklist, rule "Define a Content Security Policy"), and zod 4 by default
 * probes `new Function` and compiles object parsers with it: each probe is a CSP violation report
 * in the console even though zod falls back. `jitless` turns both off. Zod reads the flag when a
 * schema is built, so every entry point that bundles zod under a CSP imports this module FIRST,
 * before any module that builds schemas (the preload and the toast window bundle no zod at all).
 */
import { z } from 'zod'

z.config({ jitless: true })
