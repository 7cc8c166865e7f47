import type { dossiersContract } from '../../../shared/features/dossiers/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';

export function dossiersHandlers(_ctx: AppContext): HandlersOf<typeof dossiersContract> {
  return {};
}
