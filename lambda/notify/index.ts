import { createApiHandler } from '../shared/api-handler';
import { handlers } from './handlers';
import { notifyService } from './routes';

export const handler = createApiHandler(notifyService, handlers);
