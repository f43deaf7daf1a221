import { signInMessageSchema } from '../domain/sign-in-message';
import type { People, SignInMessage } from '../ports';

export interface ReportedSignIn {
  /** The queue's id of the message, to name it among the failures. */
  readonly id: string;
  readonly body: string;
}

export interface RecordedSignIns {
  /** Messages to deliver again: recording them failed. */
  readonly failed: readonly string[];
  /** Messages that are not a sign-in report, dropped (delivering them again would not help). */
  readonly refused: readonly string[];
}

/** Records each reported sign-in; one failure does not stop the others. */
export async function recordSignIns(people: People, messages: readonly ReportedSignIn[]): Promise<RecordedSignIns> {
  const failed: string[] = [];
  const refused: string[] = [];
  await Promise.all(
    messages.map(async ({ id, body }) => {
      const signIn = parseSignIn(body);
      if (!signIn) {
        refused.push(id);
        return;
      }
      try {
        await people.recordSignIn(signIn.subject, signIn.clientId, signIn.at);
      } catch {
        failed.push(id);
      }
    }),
  );
  return { failed, refused };
}

function parseSignIn(body: string): SignInMessage | undefined {
  try {
    const parsed = signInMessageSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
