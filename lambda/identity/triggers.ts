import type { TriggerDeclaration } from '../shared/route';

/**
 * Functions of the identity service that run as triggers of the user pools, which live in the
 * shared services' stack rather than the service's: what CDK bundles and the names it and the
 * runtime share. Kept apart from routes.ts so a trigger's bundle holds none of the routes' schemas.
 */
export const SIGN_IN_TOKENS = {
  entry: 'lambda/identity/handlers/sign-in-tokens.ts',
  description: "The citizen pool's pre-token-generation trigger: the sign-in's assurance level into its tokens, and the sign-in reported",
  environment: {
    /** Name of the user pool's identity provider for the smart identity card, when there is one. */
    cardProvider: 'IDENTITY_CARD_PROVIDER',
    /** URL of the queue sign-ins are reported on, for the identity service to record. */
    signInQueueUrl: 'SIGN_IN_QUEUE_URL',
  },
} as const satisfies TriggerDeclaration;

export const identityTriggers = { signInTokens: SIGN_IN_TOKENS } as const;
