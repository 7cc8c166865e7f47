import type { FeatureUi } from '../../lib/extensions';
import { BackupsSection } from './BackupsSection';

/** What the backups feature brings to the window. */
export const backupsUi: FeatureUi = { settings: [BackupsSection] };
