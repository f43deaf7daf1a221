import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { providersOf, signInAssurance } from '../../../lambda/identity/domain/sign-in-assurance';
import { handler } from '../../../lambda/identity/handlers/sign-in-tokens';
import { SIGN_IN_TOKENS } from '../../../lambda/identity/triggers';

const CARD = 'IdentityCard';
const identities = (...providers: string[]) =>
  JSON.stringify(providers.map((providerName) => ({ userId: 'u1', providerName, providerType: 'OIDC', primary: 'true' })));

describe('signInAssurance', () => {
  it('gives a password sign-in basic, whatever else the person has', () => {
    expect(signInAssurance({ providers: [], cardAcr: 'verified-plus' }, CARD)).toBe('basic');
    expect(signInAssurance({ providers: ['StaffDirectory'], cardAcr: 'verified' }, CARD)).toBe('basic');
  });

  it("gives a card sign-in the card provider's level, or verified when it names none of ours", () => {
    expect(signInAssurance({ providers: [CARD], cardAcr: 'verified-plus' }, CARD)).toBe('verified-plus');
    expect(signInAssurance({ providers: [CARD], cardAcr: 'basic' }, CARD)).toBe('basic');
    expect(signInAssurance({ providers: [CARD] }, CARD)).toBe('verified');
    expect(signInAssurance({ providers: [CARD], cardAcr: 'urn:example:loa:4' }, CARD)).toBe('verified');
  });

  it('gives basic when the pool has no card provider', () => {
    expect(signInAssurance({ providers: [CARD], cardAcr: 'verified-plus' }, undefined)).toBe('basic');
  });

  it("reads the providers of the pool's identities attribute, and none from anything else", () => {
    expect(providersOf(identities(CARD, 'Other'))).toEqual([CARD, 'Other']);
    for (const bad of [undefined, '', 'not json', '{"providerName":"IdentityCard"}', '[1, null, {"providerName": 3}]']) {
      expect(providersOf(bad)).toEqual([]);
    }
  });
});

describe('the citizen pool trigger', () => {
  const event = (userAttributes: Record<string, string>, triggerSource = 'TokenGeneration_HostedAuth') =>
    ({
      version: '2',
      triggerSource,
      region: 'ap-east-1',
      userPoolId: 'ap-east-1_example',
      userName: 'someone',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
      request: { userAttributes, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] }, scopes: ['openid'] },
      response: { claimsAndScopeOverrideDetails: null },
    }) as unknown as PreTokenGenerationV2TriggerEvent;

  beforeEach(() => {
    process.env[SIGN_IN_TOKENS.environment.cardProvider] = CARD;
  });
  afterEach(() => {
    delete process.env[SIGN_IN_TOKENS.environment.cardProvider];
  });

  it('writes the level into both tokens, on sign-in and on refresh', async () => {
    for (const source of ['TokenGeneration_HostedAuth', 'TokenGeneration_RefreshTokens']) {
      const answer = await handler(event({ sub: 's1', identities: identities(CARD), 'custom:card_acr': 'verified-plus' }, source));
      expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
        idTokenGeneration: { claimsToAddOrOverride: { assurance: 'verified-plus' } },
        accessTokenGeneration: { claimsToAddOrOverride: { assurance: 'verified-plus' } },
      });
    }
  });

  it('gives a password sign-in basic even with a card level among its attributes', async () => {
    const answer = await handler(event({ sub: 's1', 'custom:card_acr': 'verified-plus' }, 'TokenGeneration_Authentication'));
    expect(answer.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ assurance: 'basic' });
  });
});
