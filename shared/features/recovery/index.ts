/** The recovery feature as other features may use it: its enums, inputs, settings and result types. */
export * from './enums';
export * from './types';
export { recoverySettingsSchema, DEFAULT_RECOVERY_SETTINGS, type RecoverySettings } from './settings';
