// Errors are answers: every failure a user can cause is an AppError with an HTTP
// status, a stable problem type and a message key the HTTP layer translates
// (RFC 9457 problem+json). Anything else is a bug and answers 500.

export interface FieldProblem {
  /** JSON path of the field, e.g. `actions.0.dueOn` */
  field: string;
  /** message key in the catalogue, or a ready text */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(key);
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'not-found', 'error.notFound', { what });
export const forbidden = (key = 'error.forbidden') => new AppError(403, 'forbidden', key);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'error.unauthenticated');
export const conflict = (key: string, params: Record<string, string | number> = {}) => new AppError(409, 'conflict', key, params);
export const staleVersion = () => new AppError(412, 'precondition-failed', 'error.staleVersion');
export const invalid = (field: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field, key, params }]);
