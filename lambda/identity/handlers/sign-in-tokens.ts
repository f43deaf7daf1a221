import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { reportSignIn, signInTokenClaims } from '../app/sign-in-tokens';
import { signInReports } from '../compose-triggers';
import { SIGN_IN_TOKENS } from '../triggers';

/**
 * The citizen pool's pre-token-generation trigger (event version 2): writes the sign-in's
 * assurance level into the ID and access tokens as the `assurance` claim, as Cognito keeps `acr`
 * and `amr` for values of its own, and reports a sign-in (not a refresh) to the relying party
 * for the identity service to record. Runs for sign-ins and refreshes alike; a refreshed token
 * keeps the level of the sign-in, since the card provider's `acr` stays in the person's
 * attributes until their next sign-in there. A report that cannot be sent fails the sign-in,
 * which the person can try again, rather than leave it unrecorded.
 */
export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const attributes = event.request.userAttributes ?? {};
  const claims = signInTokenClaims(attributes, process.env[SIGN_IN_TOKENS.environment.cardProvider] || undefined);
  if (attributes.sub) {
    await reportSignIn(await signInReports(), event.triggerSource, {
      subject: attributes.sub,
      clientId: event.callerContext.clientId,
      at: new Date().toISOString(),
    });
  }
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
}
