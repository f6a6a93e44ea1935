/**
 * Reading settings.json without ever losing it. A file that cannot be read at all (not JSON, not an
 * object, not readable) is moved aside to a dated owner-only file and the app starts on the
 * defaults. A file with some unusable settings is copied aside the same way (flushed first), then
 * rewritten with the settings that could be used, so it is copied once, not at every start. Either
 * way the user is told in Settings, in sentences (`notices`), not only in the log.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Logger } from '../log'
import { writeFileAtomic } from '../shared/atomic-write'
import { isPlainObject, parseSettingsLeniently, type JsonObject } from './lenient'
import { takeRetiredSettings } from './retired-settings'
import type { Settings } from '../../../shared/settings'
import type { SecretStore } from './secrets'
import { moveAside, setAsidePath } from './set-aside'

export interface SettingsFileRead {
  settings: Settings
  /** The user's choices that could be used: what the file holds from now on. */
  cleaned: JsonObject
  /** Sentences for the Settings view about what was found in the file. */
  notices: string[]
  /** Saving is refused with this sentence: a file that could not be set aside must not be lost. */
  refuseSaves: string | undefined
  /** A Graph address the file named and this run ignores (only GRAPH_API_URL sets it). */
  ignoredGraphUrl?: string | undefined
}

/** Why a file could not be read, in plain words. */
function readProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'the app may not open it'
  if (error.code === 'EISDIR') return 'it is a folder'
  return error.code ?? error.message
}

export async function readSettingsFile(
  file: string,
  logger: Logger,
  now: number,
  /** Where a TURN password found in the file (an older version's) moves to. */
  secrets?: Pick<SecretStore, 'set'>
): Promise<SettingsFileRead> {
  const name = basename(file)
  let data: Buffer | undefined
  let unreadable: string | undefined
  try {
    data = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      unreadable = readProblem(error as NodeJS.ErrnoException)
    }
  }
  const text = data?.toString('utf8') ?? ''
  let input: unknown = {}
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text)
      if (!isPlainObject(input)) unreadable = 'it does not hold settings'
    } catch {
      unreadable = 'it is not valid JSON'
    }
  }
  if (unreadable !== undefined) {
    logger.warn('Settings file could not be read; using the defaults', {
      file,
      problem: unreadable
    })
    const defaults = parseSettingsLeniently({})
    const target = setAsidePath(file, now)
    try {
      await moveAside(file, target)
    } catch (error) {
      logger.error('Could not move the unreadable settings file aside', { file, error })
      const what = `${name} could not be read (${unreadable}) and could not be moved aside`
      return { ...defaults, ...refuse(what, file) }
    }
    const notice = `${name} could not be read (${unreadable}), so the app started on the default settings; the file was kept as ${target}.`
    return { ...defaults, notices: [notice], refuseSaves: undefined }
  }

  const { rest, retired } = takeRetiredSettings(input)
  const { ignoredGraphUrl } = retired
  if (ignoredGraphUrl !== undefined) {
    logger.warn('Ignoring the Graph address in the settings file: calls go to Meta', {
      file,
      address: ignoredGraphUrl,
      hint: 'only the GRAPH_API_URL environment variable can change it'
    })
  }
  if (retired.turnCredential !== undefined) {
    await moveTurnCredential(file, rest, retired.turnCredential, secrets, logger)
  }
  const result = { ...parseSettingsLeniently(rest), ignoredGraphUrl }
  for (const { field, problem } of result.problems) {
    logger.warn(`Setting ${field || '(whole file)'} ${problem}; using the default`, { file })
  }
  if (result.problems.length === 0) return { ...result, notices: [], refuseSaves: undefined }
  const target = setAsidePath(file, now)
  try {
    await writeFileAtomic(target, data ?? '', { mode: 0o600 })
  } catch (error) {
    logger.error('Could not keep a copy of the settings file', { file, error })
    return { ...result, ...refuse(`Some settings in ${name} could not be used`, file) }
  }
  // The copy is on disk: the unusable settings may leave the file now (a failure here only means
  // they leave at the next save instead).
  await writeFileAtomic(file, `${JSON.stringify(result.cleaned, null, 2)}\n`, {
    mode: 0o600
  }).catch((error: unknown) => logger.error('Could not rewrite the settings file', { file, error }))
  const fields = result.problems.map(({ field }) => field).filter((field) => field !== '')
  const which = fields.length > 0 ? ` (${fields.join(', ')})` : ''
  const notice = `Some settings in ${name} could not be used${which}, so their defaults apply; the file as it was is kept as ${target}.`
  return { ...result, notices: [notice], refuseSaves: undefined }
}

/** Saves would overwrite a file that is not kept anywhere else: they are refused, and the user told. */
function refuse(what: string, file: string): Pick<SettingsFileRead, 'notices' | 'refuseSaves'> {
  const sentence = `${what}, so changes made here are not saved until it is fixed or removed: ${file}.`
  return { notices: [sentence], refuseSaves: sentence }
}

/**
 * An older version's TURN password leaves the file for the secret store. Where the store refuses
 * (no keyring), the file keeps it rather than lose it, and the move is tried again at next start.
 */
async function moveTurnCredential(
  file: string,
  rest: unknown,
  credential: string,
  secrets: Pick<SecretStore, 'set'> | undefined,
  logger: Logger
): Promise<void> {
  if (!secrets) return
  try {
    await secrets.set({ turnCredential: credential })
  } catch (error) {
    logger.warn('Could not move the TURN password from the settings file to the secret store', {
      file,
      error: error instanceof Error ? error.message : String(error)
    })
    return
  }
  await writeFileAtomic(file, `${JSON.stringify(rest, null, 2)}\n`)
  logger.info('Moved the TURN password from the settings file to the secret store', { file })
}
