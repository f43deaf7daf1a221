import { randomBytes } from 'node:crypto';
import { conditionalPut } from '../../shared/dynamo';
import type { SaltStore } from '../ports';
import { getItem, table } from './table';

/** Two days after its day begins, DynamoDB's TTL deletes a salt (within a day or two of expiry). */
const KEPT_SECONDS = 2 * 86_400;

/**
 * The visitor salt of each day under `SALT` / `<day>`: the first writer's random salt wins and
 * every other reads it back, so all functions hash a day's visitors alike. Kept in memory for
 * the day by each process.
 */
export class DynamoSaltStore implements SaltStore {
  private cached?: { date: string; salt: string };

  async saltOf(date: string): Promise<string> {
    if (this.cached?.date === date) return this.cached.salt;
    const salt = (await getItem<{ salt: string }>('SALT', date))?.salt ?? (await this.claim(date));
    this.cached = { date, salt };
    return salt;
  }

  private async claim(date: string): Promise<string> {
    const salt = randomBytes(32).toString('base64');
    const expiresAt = Math.floor(Date.parse(`${date}T00:00:00+08:00`) / 1000) + KEPT_SECONDS;
    const written = await conditionalPut({
      TableName: table(),
      Item: { pk: 'SALT', sk: date, salt, expiresAt },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (written.won) return salt;
    const winner = await getItem<{ salt: string }>('SALT', date);
    if (!winner) throw new Error(`The salt of ${date} was claimed and is gone.`);
    return winner.salt;
  }
}
