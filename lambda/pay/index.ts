import { createApiHandler } from '../shared/api-handler';
import { handlers } from './handlers';
import { payService } from './routes';

export const handler = createApiHandler(payService, handlers);
