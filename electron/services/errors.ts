import type { AppErrorShape, ErrorIssue } from '../../shared/contract/result';

/** An error the user can act on; the router sends it to the renderer as-is. */
export class AppError extends Error {
  constructor(readonly code: AppErrorShape['code'], message: string, readonly issues?: ErrorIssue[]) {
    super(message);
    this.name = 'AppError';
  }
}

export const fieldError = (field: string, message: string) =>
  new AppError('invalid_input', message, [{ path: [field], message }]);

/** Long work stopped because the user cancelled it; whatever it was writing is rolled back. */
export class Cancelled extends Error {
  constructor(what = 'The work') {
    super(`${what} was cancelled; nothing was changed.`);
    this.name = 'Cancelled';
  }
}

export const notFound = (what: string, id: number) => new AppError('not_found', `${what} #${id} does not exist`);
