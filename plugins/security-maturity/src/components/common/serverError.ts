/**
 * The error the backend reported. The client throws a `ResponseError` whose
 * own message is only "Request failed with 409 Conflict"; the backend's error
 * (its name, and a message such as who changed the record) is its `cause`.
 */
export function serverError(error: Error): { name: string; message: string } {
  const cause = (error as { cause?: unknown }).cause;
  if (
    cause instanceof Error ||
    (cause && typeof cause === 'object' && 'name' in cause)
  ) {
    const { name, message } = cause as Error;
    return { name, message: message || error.message };
  }
  return error;
}
