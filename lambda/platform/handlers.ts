import type { Handlers } from '../shared/api-handler';
import { forbidden, notFound } from '../shared/errors';
import { json } from '../shared/http';
import { isPlatformAdmin, officerDepartment } from '../shared/identity';
import { departmentSummary } from './catalogue';
import { loadCatalogue } from './catalogue-source';
import type { platformService } from './routes';

export const handlers: Handlers<typeof platformService.routes> = {
  async listServices() {
    const { platform, services } = loadCatalogue();
    return json(200, { platform, services }, { 'cache-control': 'public, max-age=300' });
  },

  async listDepartments() {
    return json(200, { departments: loadCatalogue().departments.map(departmentSummary) });
  },

  async getDepartment({ params, caller }) {
    if (!isPlatformAdmin(caller) && officerDepartment(caller) !== params.code) {
      throw forbidden(`Only officers of ${params.code} and platform administrators may see what was provisioned for it.`);
    }
    const department = loadCatalogue().departments.find((d) => d.code === params.code);
    if (!department) throw notFound(`There is no department ${params.code} on the platform.`);
    return json(200, department);
  },
};
