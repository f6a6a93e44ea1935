export { ConfigError, configFailure } from './errors'
export { dataNotices } from './data-notices'
export { PortInUseError, type PortVariable } from './port-in-use'
export { writeFileAtomic, syncDir } from '../shared/atomic-write'
export {
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  ensurePrivateDir,
  ensurePrivateDirSync,
  isAppDataFile,
  openPrivateFile,
  tightenFolder,
  tightenPrivateFolders,
  type PrivateFolder,
  type TightenedPath
} from './private-files'
export {
  DEFAULT_GRAPH_API_URL,
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_RING_TIMEOUT_SECONDS,
  DEFAULT_STUN_URLS,
  DEFAULT_WEBHOOK_PATH,
  DEFAULT_WEBHOOK_PORT,
  MAX_RING_TIMEOUT_SECONDS
} from '../../../shared/settings-fields'
export {
  TUNNEL_MODES,
  defaultSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
  type TunnelMode
} from '../../../shared/settings'
export { SETTINGS_FILE, SettingsStore, type SettingsListener } from './settings-store'
export {
  FileSecretStore,
  MemorySecretStore,
  SECRETS_FILE,
  ensureVerifyToken,
  generateVerifyToken,
  type SecretStore,
  type Secrets,
  type SecretsPatch
} from './secrets'
export {
  ENV_VARIABLES,
  readEnv,
  unknownEnvVariables,
  type Env,
  type EnvOverrides,
  type EnvVariable
} from './env'
export {
  resolveConfig,
  type ConfigSources,
  type Credentials,
  type RequiredCredential,
  type RuntimeConfig
} from './resolve'
export { DATA_DIR_NAME, defaultDataDir, resolveDataDir } from './data-dir'
export {
  loadConfig,
  registerCredentialSecrets,
  type LoadConfigOptions,
  type LoadedConfig
} from './load-config'
