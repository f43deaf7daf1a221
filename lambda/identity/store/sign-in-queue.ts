import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SignInMessage, SignInReports } from '../ports';

/** Sign-ins reported on the SQS queue the identity service records them from. */
export class SqsSignInReports implements SignInReports {
  private readonly client = new SQSClient({});

  constructor(private readonly queueUrl: string) {}

  async report(signIn: SignInMessage): Promise<void> {
    await this.client.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(signIn) }));
  }
}
