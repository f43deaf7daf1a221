import { HttpError } from '../../lambda/shared/errors';

/** The HttpError a use case refuses with; fails the test if it resolves or throws anything else. */
export async function refusal(call: Promise<unknown>): Promise<HttpError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}
