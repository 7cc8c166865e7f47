import type { retentionContract } from '../../../shared/features/retention/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';

export function retentionHandlers(_ctx: AppContext): HandlersOf<typeof retentionContract> {
  return {};
}
