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
import { words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export interface SettingsFileRead {
  settings: Settings
  /** The user's choices that could be used: what the file holds from now on. */
  cleaned: JsonObject
  /** Sentences (as words) for the Settings view about what was found in the file. */
  notices: Words[]
  /** Saving is refused with this sentence: a file that could not be set aside must not be lost. */
  refuseSaves: Words | undefined
  /** A Graph address the file named and this run ignores (only GRAPH_API_URL sets it). */
  ignoredGraphUrl?: string | undefined
}

/** Why a file could not be read, in plain words (a rarer error by its code, as the system says it). */
function readProblem(error: NodeJS.ErrnoException): Words | string {
  if (error.code === 'EACCES' || error.code === 'EPERM')
    return words('config.settingsFile.forbidden')
  if (error.code === 'EISDIR') return words('config.settingsFile.folder')
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
  let unreadable: Words | string | undefined
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
      if (!isPlainObject(input)) unreadable = words('config.settingsFile.notSettings')
    } catch {
      unreadable = words('config.settingsFile.notJson')
    }
  }
  if (unreadable !== undefined) {
    logger.warn('Settings file could not be read; using the defaults', {
      file,
      problem: typeof unreadable === 'string' ? unreadable : englishWords(unreadable)
    })
    const defaults = parseSettingsLeniently({})
    const target = setAsidePath(file, now)
    try {
      await moveAside(file, target)
    } catch (error) {
      logger.error('Could not move the unreadable settings file aside', { file, error })
      // Saves would overwrite a file kept nowhere else: they are refused, and the user told.
      const said = words('config.settingsFile.unreadableKept', { name, problem: unreadable, file })
      return { ...defaults, notices: [said], refuseSaves: said }
    }
    const notice = words('config.settingsFile.unreadable', { name, problem: unreadable, target })
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
    const said = words('config.settingsFile.unusableKept', { name, file })
    return { ...result, notices: [said], refuseSaves: said }
  }
  // The copy is on disk: the unusable settings may leave the file now (a failure here only means
  // they leave at the next save instead).
  await writeFileAtomic(file, `${JSON.stringify(result.cleaned, null, 2)}\n`, {
    mode: 0o600
  }).catch((error: unknown) => logger.error('Could not rewrite the settings file', { file, error }))
  const fields = result.problems.map(({ field }) => field).filter((field) => field !== '')
  const notice =
    fields.length > 0
      ? words('config.settingsFile.unusableNamed', { name, fields: fields.join(', '), target })
      : words('config.settingsFile.unusable', { name, target })
  return { ...result, notices: [notice], refuseSaves: undefined }
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
