import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { identityCaller } from '../app/caller';
import { checkCardStatus, registerCard } from '../app/card-status';
import { getProfile, listConsents, profileEtag, putProfile, revokeConsent } from '../app/profile';
import { identityPorts } from '../compose';
import { identityService } from '../routes';

const handlers: Handlers<typeof identityService.routes> = {
  async checkCardStatus(request) {
    return json(200, await checkCardStatus(await identityPorts(), identityCaller(request.caller), request.body, request));
  },

  async registerCard(request) {
    return json(200, await registerCard(await identityPorts(), identityCaller(request.caller), request.body, request));
  },

  async getProfile(request) {
    const profile = await getProfile(await identityPorts(), identityCaller(request.caller));
    return json(200, profile, { etag: profileEtag(profile) });
  },

  async putProfile(request) {
    const profile = await putProfile(await identityPorts(), identityCaller(request.caller), request.body, request.headers['if-match']);
    return json(200, profile, { etag: profileEtag(profile) });
  },

  async listConsents(request) {
    return json(200, { consents: await listConsents(await identityPorts(), identityCaller(request.caller)) });
  },

  async revokeConsent(request) {
    await revokeConsent(await identityPorts(), identityCaller(request.caller), request.params.clientId);
    return { status: 204 };
  },
};

export const handler = createApiHandler(identityService, handlers);
