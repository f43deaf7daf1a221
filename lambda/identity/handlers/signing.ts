import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { identityCaller } from '../app/caller';
import { signDigest, verifySignature } from '../app/signing';
import { signingPorts } from '../compose';
import { identityService } from '../routes';

const handlers: Handlers<typeof identityService.routes> = {
  async signDigest(request) {
    return json(201, await signDigest(await signingPorts(), identityCaller(request.caller), request.body));
  },

  async verifySignature(request) {
    return json(200, await verifySignature(await signingPorts(), request.body));
  },
};

export const handler = createApiHandler(identityService, handlers, 'signing');
