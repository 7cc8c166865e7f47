/** The privacy feature as other features (and the app's main process) may use it. */
export { formatRecoveryKey, keyAtStart, keyFromPassphraseSync, keyFromSecret, keyProtection, loadKey, newKey, parseKey, storeKey, unlockWith } from './keys';
export { schedulePrivacyUpkeep } from './service';
export { unlockPage, unlockWrong } from './unlock-page';
