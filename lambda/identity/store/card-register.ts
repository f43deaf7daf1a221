import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { tableOf } from '../../shared/dynamo';
import { CARD_STATUSES, type RegisteredCardStatus } from '../domain/card-status';
import type { CardRegister } from '../ports';
import { IDENTITY_TABLES } from '../storage';

const table = () => tableOf(IDENTITY_TABLES.register);

/** The register in DynamoDB: one item per card, its status as the registration office last recorded it. */
export class DynamoCardRegister implements CardRegister {
  async status(cardHash: string): Promise<RegisteredCardStatus | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: `CARD#${cardHash}` } }));
    const status = Item?.status;
    return (CARD_STATUSES as readonly string[]).includes(status) ? (status as RegisteredCardStatus) : undefined;
  }

  async record(entry: { cardHash: string; status: RegisteredCardStatus; at: string; by: string }): Promise<void> {
    // The latest registration holds: the office's own records order its updates, and each is audited.
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { pk: `CARD#${entry.cardHash}`, status: entry.status, updatedAt: entry.at, updatedBy: entry.by },
      }),
    );
  }
}
