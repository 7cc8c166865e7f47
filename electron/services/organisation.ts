import type { z } from 'zod';
import type * as s from '../../shared/domain/schemas';
import type { Department, Manager, SupplierDiscount } from '../../shared/domain/types';
import { departmentsRepo, discountsRepo, managersRepo } from '../db/repositories';
import { fieldError } from './errors';
import { recordService } from './records';

export const departmentsService = recordService<Department, z.output<typeof s.departmentCreate>, z.output<typeof s.departmentUpdate>>('Department', departmentsRepo);

export const managersService = recordService<Manager, z.output<typeof s.managerCreate>, z.output<typeof s.managerUpdate>>('Manager', managersRepo, {
  check(db, input) {
    if (input.departmentId !== null && !departmentsRepo.get(db, input.departmentId)) {
      throw fieldError('departmentId', 'Choose an existing department');
    }
  },
});

export const discountsService = recordService<SupplierDiscount, z.output<typeof s.discountCreate>, z.output<typeof s.discountUpdate>>('Supplier discount', discountsRepo);
