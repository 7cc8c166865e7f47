import type { recoveryContract } from '../../../shared/features/recovery/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';

export function recoveryHandlers(_ctx: AppContext): HandlersOf<typeof recoveryContract> {
  return {};
}
