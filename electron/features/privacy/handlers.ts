import type { privacyContract } from '../../../shared/features/privacy/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';

export function privacyHandlers(_ctx: AppContext): HandlersOf<typeof privacyContract> {
  return {};
}
