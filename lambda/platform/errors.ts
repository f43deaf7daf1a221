import { forbidden, notFound } from '../shared/errors';

export { platformErrorFormat as formatError } from '../shared/error-format';

export const notProvisionedFor = (code: string) =>
  forbidden(`Only officers of ${code} and platform administrators may see what was provisioned for it.`);

export const noSuchDepartment = (code: string) => notFound(`There is no department ${code} on the platform.`);
