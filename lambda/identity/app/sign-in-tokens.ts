import { CLAIMS } from '../../shared/identity';
import { providersOf, signInAssurance } from '../domain/sign-in-assurance';
import type { SignInMessage, SignInReports } from '../ports';

/** The claims the citizen pool adds to a sign-in's ID and access tokens, from the person's attributes. */
export function signInTokenClaims(attributes: Readonly<Record<string, string>>, cardProvider: string | undefined): Record<string, string> {
  const level = signInAssurance({ providers: providersOf(attributes.identities), cardAcr: attributes[CLAIMS.cardAcr] }, cardProvider);
  return { [CLAIMS.assurance]: level };
}

/** The token generation of a refresh, which is not a new sign-in. */
const REFRESH = 'TokenGeneration_RefreshTokens';

/** Reports a sign-in (not a refresh) for the identity service to record among the person's consents. */
export async function reportSignIn(reports: SignInReports | undefined, triggerSource: string, signIn: SignInMessage): Promise<void> {
  if (!reports || triggerSource === REFRESH) return;
  await reports.report(signIn);
}
