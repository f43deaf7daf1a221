import { builtOnce } from '../shared/once';
import type { SignInReports } from './ports';
import { SqsSignInReports } from './store/sign-in-queue';
import { SIGN_IN_TOKENS } from './triggers';

/**
 * The ports of the service's triggers (triggers.ts), apart from compose.ts so a trigger's bundle
 * holds only what it uses. The citizen pool's trigger has one: the queue its stack names, if any.
 */
export const signInReports = /* @__PURE__ */ builtOnce(async (): Promise<SignInReports | undefined> => {
  const queueUrl = process.env[SIGN_IN_TOKENS.environment.signInQueueUrl];
  return queueUrl ? new SqsSignInReports(queueUrl) : undefined;
});
