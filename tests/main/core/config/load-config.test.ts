import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../../../src/main/core/config/data-dir'
import { ConfigError } from '../../../../src/main/core/config/errors'
import { MemorySecretStore } from '../../../../src/main/core/config/secrets'
import { loadConfig } from '../../../../src/main/core/config/load-config'
import { memoryLogger, redactText } from '../../../../src/main/core/log'

const posix = process.platform !== 'win32'
let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'headless-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('loadConfig', () => {
  it('creates the data folder, a verify token once, and resolves the env Page', async () => {
    const dataDir = join(root, 'data')
    const env = {
      SOFTPHONE_DATA_DIR: dataDir,
      FB_PAGE_ID: '555',
      FB_PAGE_ACCESS_TOKEN: 'EAA-headless-token',
      FB_APP_SECRET: 'headless-app-secret',
      WEBHOOK_PORT: '0'
    }
    const logger = memoryLogger()
    const first = await loadConfig({ env, logger })
    expect(first.dataDir).toBe(dataDir)
    expect(first.config.page.configured).toBe(true)
    expect(first.config.webhook.port).toBe(0)
    expect(first.config.credentials.verifyToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    if (posix) {
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700)
      expect((await stat(join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600)
    }
    const second = await loadConfig({ env, logger })
    expect(second.config.credentials.verifyToken).toBe(first.config.credentials.verifyToken)
    // Every secret is masked in logs from now on.
    expect(redactText('EAA-headless-token headless-app-secret')).toBe('[redacted] [redacted]')
  })

  it('does not generate a verify token when FB_VERIFY_TOKEN gives one', async () => {
    const env = { SOFTPHONE_DATA_DIR: root, FB_VERIFY_TOKEN: 'from-env-123' }
    const { config } = await loadConfig({ env, logger: memoryLogger() })
    expect(config.credentials.verifyToken).toBe('from-env-123')
    await expect(stat(join(root, 'secrets.json'))).rejects.toThrow()
  })

  it('reads settings.json and secrets.json from the data folder', async () => {
    await writeFile(join(root, 'settings.json'), JSON.stringify({ page: { pageId: '77' } }))
    const secrets = join(root, 'secrets.json')
    await writeFile(secrets, JSON.stringify({ pageAccessToken: 'tok-77', appSecret: 'sec-77' }), {
      mode: 0o600
    })
    const { config } = await loadConfig({
      env: { SOFTPHONE_DATA_DIR: root },
      logger: memoryLogger()
    })
    expect(config.page).toMatchObject({ configured: true, pageId: '77' })
    expect(JSON.parse(await readFile(secrets, 'utf8')).verifyToken).toBe(
      config.credentials.verifyToken
    )
  })

  it.runIf(posix)('throws a ConfigError for a secrets file others can read', async () => {
    const secrets = join(root, 'secrets.json')
    await writeFile(secrets, '{}')
    await chmod(secrets, 0o644)
    await expect(
      loadConfig({ env: { SOFTPHONE_DATA_DIR: root }, logger: memoryLogger() })
    ).rejects.toThrow(`chmod 600 "${secrets}"`)
  })

  it.runIf(posix)(
    'makes files an older version left readable private, and says so once',
    async () => {
      await chmod(root, 0o755)
      await writeFile(join(root, 'settings.json'), '{}', { mode: 0o644 })
      await writeFile(join(root, 'history.jsonl'), '', { mode: 0o644 })
      await chmod(join(root, 'settings.json'), 0o644)
      await chmod(join(root, 'history.jsonl'), 0o644)
      const logger = memoryLogger()
      await loadConfig({ env: { SOFTPHONE_DATA_DIR: root }, logger })
      expect((await stat(root)).mode & 0o777).toBe(0o700)
      expect((await stat(join(root, 'settings.json'))).mode & 0o777).toBe(0o600)
      expect((await stat(join(root, 'history.jsonl'))).mode & 0o777).toBe(0o600)
      const said = logger.entries.filter((entry) => entry.message.startsWith('Made files private'))
      expect(said).toHaveLength(1)
      await loadConfig({ env: { SOFTPHONE_DATA_DIR: root }, logger })
      expect(
        logger.entries.filter((entry) => entry.message.startsWith('Made files private'))
      ).toHaveLength(1)
    }
  )

  it('throws a ConfigError naming a bad variable before touching the disk', async () => {
    const dataDir = join(root, 'never')
    await expect(
      loadConfig({
        env: { SOFTPHONE_DATA_DIR: dataDir, WEBHOOK_PATH: 'x' },
        logger: memoryLogger()
      })
    ).rejects.toThrow(ConfigError)
    await expect(stat(dataDir)).rejects.toThrow()
  })

  it('keeps the secrets where it is told, in the folder it is given, and tightens the extra ones', async () => {
    const logs = join(root, 'logs')
    await mkdir(logs, { mode: 0o755 })
    await writeFile(join(logs, 'main.log'), '', { mode: 0o644 })
    await chmod(join(logs, 'main.log'), 0o644)
    const secrets = new MemorySecretStore({ pageAccessToken: 'tok-mem', appSecret: 'sec-mem' })
    const loaded = await loadConfig({
      env: { SOFTPHONE_DATA_DIR: join(root, 'elsewhere'), FB_PAGE_ID: '88' },
      dataDir: root,
      secrets,
      privateFolders: [{ dir: logs }],
      logger: memoryLogger()
    })
    expect(loaded.dataDir).toBe(root)
    expect(loaded.secrets).toBe(secrets)
    expect(loaded.config.credentials).toMatchObject({ pageId: '88', appSecret: 'sec-mem' })
    expect((await secrets.get()).verifyToken).toBe(loaded.config.credentials.verifyToken)
    await expect(stat(join(root, 'secrets.json'))).rejects.toThrow()
    await expect(stat(join(root, 'elsewhere'))).rejects.toThrow()
    if (posix) expect((await stat(join(logs, 'main.log'))).mode & 0o777).toBe(0o600)
  })

  it('keeps an unsaved verify token for the session only when told it may', async () => {
    const refusing = {
      get: async () => ({}),
      set: async () => {
        throw new Error('no secure storage')
      }
    }
    await expect(
      loadConfig({ env: {}, dataDir: root, secrets: refusing, logger: memoryLogger() })
    ).rejects.toThrow('no secure storage')
    const logger = memoryLogger()
    const loaded = await loadConfig({
      env: {},
      dataDir: root,
      secrets: refusing,
      unsavedVerifyTokenOk: (error) => String(error).includes('secure storage'),
      logger
    })
    expect(loaded.config.page.configured).toBe(false)
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'the webhook verify token is kept for this session only'
    )
  })

  it('warns about look-alike variables', async () => {
    const logger = memoryLogger()
    await loadConfig({ env: { SOFTPHONE_DATA_DIR: root, FB_PAGE_TOKEN: 'x' }, logger })
    expect(
      logger.entries.some((e) => e.level === 'warn' && e.fields.name === 'FB_PAGE_TOKEN')
    ).toBe(true)
  })
})

describe('defaultDataDir', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/messenger-softphone')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe(
      '/x/messenger-softphone'
    )
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/a')).toBe(
      '/home/a/.config/messenger-softphone'
    )
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/messenger-softphone'
    )
    expect(
      defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a')
    ).toMatch(/Roaming[\\/]messenger-softphone$/)
  })
})
