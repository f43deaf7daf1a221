import { createApiHandler } from '../shared/api-handler';
import { handlers } from './handlers';
import { certService } from './routes';

export const handler = createApiHandler(certService, handlers);
