import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalDelete, conditionalPut, queryAll, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { Consent, Profile } from '../domain/profile';
import type { SignatureStatement } from '../domain/signing';
import type { People } from '../ports';
import { IDENTITY_TABLES } from '../storage';

const table = () => tableOf(IDENTITY_TABLES.people);
const person = (subject: string) => `SUB#${subject}`;
const CONSENT = 'CONSENT#';

/** Each person's profile, sign-ins to relying services and signatures, in one partition of the `people` table. */
export class DynamoPeople implements People {
  async getProfile(subject: string): Promise<Profile | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: person(subject), sk: 'PROFILE' } }));
    return withoutAttributes<Profile>(Item, 'pk', 'sk');
  }

  async putProfile(profile: Profile, expectedVersion: number): Promise<'written' | 'stale'> {
    const result = await conditionalPut({
      TableName: table(),
      Item: { pk: person(profile.subject), sk: 'PROFILE', ...profile },
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
      ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
    });
    return result.won ? 'written' : 'stale';
  }

  async listConsents(subject: string): Promise<readonly Consent[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :consent)',
      ExpressionAttributeValues: { ':pk': person(subject), ':consent': CONSENT },
    });
    return items.map((i) => ({ clientId: i.clientId, firstSignedInAt: i.firstSignedInAt, lastSignedInAt: i.lastSignedInAt }));
  }

  async recordSignIn(subject: string, clientId: string, at: string): Promise<void> {
    // One update: the first sign-in's time is kept however many sign-ins race.
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: person(subject), sk: CONSENT + clientId },
        UpdateExpression: 'SET clientId = :client, firstSignedInAt = if_not_exists(firstSignedInAt, :at), lastSignedInAt = :at',
        ExpressionAttributeValues: { ':client': clientId, ':at': at },
      }),
    );
  }

  async revokeConsent(subject: string, clientId: string): Promise<boolean> {
    const result = await conditionalDelete({
      TableName: table(),
      Key: { pk: person(subject), sk: CONSENT + clientId },
      ConditionExpression: 'attribute_exists(pk)',
    });
    return result.won;
  }

  async recordSignature(subject: string, signatureId: string, statement: SignatureStatement): Promise<void> {
    await conditionalPut({
      TableName: table(),
      Item: { pk: person(subject), sk: `SIGNATURE#${statement.signedAt}#${signatureId}`, signatureId, statement },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  }
}
