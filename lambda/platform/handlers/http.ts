import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { getDepartment, listDepartments, listServices } from '../app/catalogue';
import { platformPorts } from '../compose';
import { platformService } from '../routes';

const handlers: Handlers<typeof platformService.routes> = {
  listServices: async () => json(200, listServices(await platformPorts()), { 'cache-control': 'public, max-age=300' }),
  listDepartments: async () => json(200, listDepartments(await platformPorts())),
  getDepartment: async ({ params, caller }) => json(200, getDepartment(await platformPorts(), caller, params.code)),
};

export const handler = createApiHandler(platformService, handlers);
