/**
 * An error a route turns into a JSON response with this status. Services throw it for anything the caller
 * can fix (bad state, missing rights); anything else is a bug and becomes a logged 500.
 *
 * @example
 * throw new HttpError(409, 'case_resolved', 'This case is already resolved.');
 */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found.`);
export const forbidden = (message = 'You do not have access to this.') => new HttpError(403, 'forbidden', message);
