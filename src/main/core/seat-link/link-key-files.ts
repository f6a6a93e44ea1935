/**
 * The seat link's long-term keys in the data folder, private to the user (0600 in a 0700 folder):
 * - seat-link-key.json: this desk's own static X25519 keypair (the hub's identity that seats pin,
 *   or a seat's identity that its hub keeps). Made once; losing it means pairing again.
 * - seat-link-hub.json: on a seat, the hub's public key it pinned when it paired, and the hub's
 *   address once the desk's role is a seat (core/desk: a pin with an address starts the desk as
 *   that hub's seat). Files from before the address was kept have none (SOFTPHONE_HUB gives it).
 * A file that is there but unreadable is an error, never silently replaced: a new hub key would
 * quietly unpair every seat, and a new pin would trust whoever answered next.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { removeStaleTemps, writeFileAtomic } from '../shared/atomic-write'
import { ensurePrivateDir } from '../config/private-files'
import {
  generateKeyPair,
  keyPairFromPrivate,
  rawPrivateKey,
  type KeyPair
} from './noise-primitives'

export const LINK_KEY_FILE = 'seat-link-key.json'
export const PINNED_HUB_FILE = 'seat-link-hub.json'

const key32 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/)
  .transform((text) => Buffer.from(text, 'base64'))

const keyFileSchema = z.object({ version: z.literal(1), privateKey: key32, publicKey: key32 })
const pinFileSchema = z.object({
  version: z.literal(1),
  hubPublicKey: key32,
  pairedAt: z.number(),
  hubUrl: z.string().url().optional()
})

/** What a seat keeps of its hub: the pinned key, and the address when it was recorded. */
export interface PinnedHub {
  hubPublicKey: Buffer
  pairedAt: number
  hubUrl?: string | undefined
}

export class LinkKeyFileError extends Error {}

async function readJson(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new LinkKeyFileError(`${file} is not valid JSON`)
  }
}

async function writePrivateJson(dir: string, file: string, value: unknown): Promise<void> {
  await ensurePrivateDir(dir)
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`)
}

/** This desk's static keypair: read from the data folder, or made and saved on first use. */
export async function loadOrCreateLinkKeyPair(dir: string): Promise<KeyPair> {
  const file = join(dir, LINK_KEY_FILE)
  await removeStaleTemps(file)
  const found = await readJson(file)
  if (found === undefined) {
    const pair = generateKeyPair()
    await writePrivateJson(dir, file, {
      version: 1,
      privateKey: rawPrivateKey(pair).toString('base64'),
      publicKey: pair.publicKey.toString('base64')
    })
    return pair
  }
  const parsed = keyFileSchema.safeParse(found)
  if (!parsed.success) throw new LinkKeyFileError(`${file} does not hold a seat link key`)
  const pair = keyPairFromPrivate(parsed.data.privateKey)
  // The public half is stored for people reading the file; the private half is the truth.
  if (!pair.publicKey.equals(parsed.data.publicKey)) {
    throw new LinkKeyFileError(`${file} is damaged: its public key does not match its private key`)
  }
  return pair
}

/** On a seat: the hub key it pinned when it paired, or undefined before pairing. */
export async function loadPinnedHub(dir: string): Promise<Buffer | undefined> {
  return (await loadHubPin(dir))?.hubPublicKey
}

/** On a seat: the whole pin (key, when, and the hub's address if recorded); undefined if none. */
export async function loadHubPin(dir: string): Promise<PinnedHub | undefined> {
  const file = join(dir, PINNED_HUB_FILE)
  const found = await readJson(file)
  if (found === undefined) return undefined
  const parsed = pinFileSchema.safeParse(found)
  if (!parsed.success) throw new LinkKeyFileError(`${file} does not hold a pinned hub key`)
  const { hubPublicKey, pairedAt, hubUrl } = parsed.data
  return { hubPublicKey, pairedAt, ...(hubUrl === undefined ? {} : { hubUrl }) }
}

export async function savePinnedHub(
  dir: string,
  hubPublicKey: Buffer,
  now = Date.now(),
  hubUrl?: string
): Promise<void> {
  await writePrivateJson(dir, join(dir, PINNED_HUB_FILE), {
    version: 1,
    hubPublicKey: hubPublicKey.toString('base64'),
    pairedAt: now,
    ...(hubUrl === undefined ? {} : { hubUrl })
  })
}

/** Records the hub's address beside the pin already there (the desk is that hub's seat now). */
export async function saveHubAddress(dir: string, hubUrl: string): Promise<void> {
  const pin = await loadHubPin(dir)
  if (!pin) throw new LinkKeyFileError(`${join(dir, PINNED_HUB_FILE)} is missing: pair first`)
  if (pin.hubUrl === hubUrl) return
  await savePinnedHub(dir, pin.hubPublicKey, pin.pairedAt, hubUrl)
}

/** Forgets the hub (leaving it, or a pairing that did not become a join); this desk's own key stays. */
export async function forgetPinnedHub(dir: string): Promise<void> {
  await rm(join(dir, PINNED_HUB_FILE), { force: true })
}
