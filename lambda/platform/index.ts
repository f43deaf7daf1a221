import { createApiHandler } from '../shared/api-handler';
import { handlers } from './handlers';
import { platformService } from './routes';

export const handler = createApiHandler(platformService, handlers);
