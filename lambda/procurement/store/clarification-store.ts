import { conditionalPut, conditionalUpdate } from '../../shared/dynamo';
import type { Clarification } from '../domain/clarification';
import type { ClarificationStore, PageOf, PageRequest } from '../ports';
import { allOfPartition, pageOfPartition, table } from './table';

const pk = (tenderId: string) => `TENDER#${tenderId}`;
const sk = (c: Pick<Clarification, 'askedAt' | 'id'>) => `QUESTION#${c.askedAt}#${c.id}`;

/** Clarifications under their tender, `QUESTION#<asked at>#<id>`, so they list in the order asked. */
export class DynamoClarificationStore implements ClarificationStore {
  async get(tenderId: string, id: string): Promise<Clarification | undefined> {
    return (await allOfPartition<Clarification>(pk(tenderId), 'QUESTION#')).find((c) => c.id === id);
  }

  async create(c: Clarification): Promise<boolean> {
    const item = { ...c, pk: pk(c.tenderId), sk: sk(c), kind: 'clarification' };
    return (await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  async answer(c: Clarification): Promise<boolean> {
    const written = await conditionalUpdate({
      TableName: table(),
      Key: { pk: pk(c.tenderId), sk: sk(c) },
      UpdateExpression: 'SET answer = :answer, answeredAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
      ExpressionAttributeValues: { ':answer': c.answer, ':at': c.answeredAt },
    });
    return written.won;
  }

  list(tenderId: string, page: PageRequest): Promise<PageOf<Clarification>> {
    return pageOfPartition<Clarification>(pk(tenderId), 'QUESTION#', page);
  }
}
