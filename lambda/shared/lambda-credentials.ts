/**
 * Stands in for `@aws-sdk/credential-provider-node` in Lambda bundles (an esbuild alias set in
 * lib/constructs/function-bundle.ts). Lambda hands every function its role's credentials in
 * environment variables, so the SSO, profile, process and web-identity providers of the default
 * chain, and the STS and SSO clients they bring, are dead weight: about 130 KB of bundle and
 * their load time at every cold start.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
