// The settings schema is part of the shared contract (UIs edit settings through the service API).
export * from '../../../shared/settings-fields'
