import { createApiHandler } from '../shared/api-handler';
import { handlers } from './handlers';
import { openDataService } from './routes';

export const handler = createApiHandler(openDataService, handlers);
