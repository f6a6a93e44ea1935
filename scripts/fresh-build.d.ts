/** Types of fresh-build.js (plain JavaScript, as it runs before anything is built). */
export interface Target {
  label: string
  sources: string[]
  dirs: string[]
  install: 'swap' | 'add'
  marker: string
  args(tempOut: string): string[]
}
export type TargetName = 'core' | 'app'
export const ROOT: string
export const TARGETS: Record<TargetName, Target>
export function newestSourceTime(paths: string[]): number
export function isFresh(target: Target, out?: string): boolean
/** Resolves to whether this call built it (false: it was fresh, or another process built it). */
export function ensureBuilt(name: TargetName, options?: { out?: string }): Promise<boolean>
