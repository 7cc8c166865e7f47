import type { z } from 'zod';
import type * as s from '../../../shared/features/accounts/schemas';
import type { Department, Manager } from '../../../shared/features/accounts/types';
import { departmentsRepo, managersRepo } from './repository';
import { fieldError } from '../../errors';
import { recordService } from '../../db/records';

export const departmentsService = recordService<Department, z.output<typeof s.departmentCreate>, z.output<typeof s.departmentUpdate>>('accounts:nouns.department', departmentsRepo);

export const managersService = recordService<Manager, z.output<typeof s.managerCreate>, z.output<typeof s.managerUpdate>>('accounts:nouns.manager', managersRepo, {
  check(db, input) {
    if (input.departmentId !== null && !departmentsRepo.get(db, input.departmentId)) {
      throw fieldError('departmentId', 'accounts:errors.chooseDepartment');
    }
  },
});
