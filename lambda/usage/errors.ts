import { conflict, forbidden, HttpError, notFound } from '../shared/errors';

/** The usage service's errors, in the platform's error body; nothing is changed when one is thrown. */
export { platformErrorFormat as formatError } from '../shared/error-format';

export const noDepartment = () => forbidden('Sign in as an officer of a department.');
export const notOwner = (id: string) => forbidden(`Service ${id} belongs to another department.`);
export const noSuchService = (id: string) => notFound(`There is no measured service ${id}.`);
export const idTaken = (id: string) => conflict(`A service with the id ${id} is registered already.`);
export const filedAlready = (id: string) => conflict(`The review of ${id} was filed already.`);
export const unregistered = (ids: readonly string[]) =>
  new HttpError(422, 'unregistered_service', `Not a registered service: ${ids.join(', ')}. Nothing of the batch was stored.`, {
    services: ids,
  });
export const beforeLaunch = (id: string, date: string) =>
  new HttpError(422, 'before_launch', `${date} is before the launch of ${id}; nothing of the batch was stored.`);
export const dayNotOver = (date: string) => new HttpError(422, 'day_not_over', `${date} has not ended in Hong Kong yet.`);
export const badSpan = (message: string) => new HttpError(422, 'invalid_span', message);
export const afterToday = (date: string) =>
  new HttpError(422, 'future_day', `${date} has not begun in Hong Kong; nothing of the batch was stored.`);
