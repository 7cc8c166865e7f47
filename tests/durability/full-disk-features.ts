/** Every feature's part of the full-disk test: one line per feature. */
import type { FullDiskFeature } from '../helpers/full-disk';
import { accountsFullDisk } from '../features/accounts/full-disk-inputs';
import { dossiersFullDisk } from '../features/dossiers/full-disk-inputs';
import { retentionFullDisk } from '../features/retention/full-disk-inputs';
import { recoveryFullDisk } from '../features/recovery/full-disk-inputs';
import { privacyFullDisk } from '../features/privacy/full-disk-inputs';

export const FULL_DISK_FEATURES: FullDiskFeature[] = [accountsFullDisk, dossiersFullDisk, retentionFullDisk, recoveryFullDisk, privacyFullDisk];
