/**
 * The seat link's long-term keys in the data folder, private to the user (0600 in a 0700 folder):
 * - seat-link-key.json: this desk's own static X25519 keypair (the hub's identity that seats pin,
 *   or a seat's identity that its hub keeps). Made once; losing it means pairing again.
 * - seat-link-hub.json: on a seat, the hub's public key it pinned when it paired.
 * A file that is there but unreadable is an error, never silently replaced: a new hub key would
 * quietly unpair every seat, and a new pin would trust whoever answered next.
 */
import { readFile } from 'node:fs/promises'
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
const pinFileSchema = z.object({ version: z.literal(1), hubPublicKey: key32, pairedAt: z.number() })

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
  const file = join(dir, PINNED_HUB_FILE)
  const found = await readJson(file)
  if (found === undefined) return undefined
  const parsed = pinFileSchema.safeParse(found)
  if (!parsed.success) throw new LinkKeyFileError(`${file} does not hold a pinned hub key`)
  return parsed.data.hubPublicKey
}

export async function savePinnedHub(
  dir: string,
  hubPublicKey: Buffer,
  now = Date.now()
): Promise<void> {
  await writePrivateJson(dir, join(dir, PINNED_HUB_FILE), {
    version: 1,
    hubPublicKey: hubPublicKey.toString('base64'),
    pairedAt: now
  })
}
