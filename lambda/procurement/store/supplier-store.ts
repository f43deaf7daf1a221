import { conditionalDelete, conditionalPut } from '../../shared/dynamo';
import type { Supplier } from '../domain/supplier';
import type { SupplierStore } from '../ports';
import { getItem, table } from './table';

const supplierKey = (id: string) => ({ pk: `SUPPLIER#${id}`, sk: 'SUPPLIER' });
const brnKey = (brn: string) => ({ pk: `BRN#${brn}`, sk: 'CLAIM' });
const officerKey = (subject: string) => ({ pk: `OFFICER#${subject}`, sk: 'CLAIM' });

/**
 * Suppliers as `SUPPLIER#<id>`, with two claims that keep a business registration number and a
 * citizen to one supplier each: `BRN#<number>` and `OFFICER#<subject>`, each put only if absent.
 * The claims are written first and released if the registration loses a race, since embedded
 * DynamoDB has no transactions.
 */
export class DynamoSupplierStore implements SupplierStore {
  get(id: string): Promise<Supplier | undefined> {
    return getItem<Supplier>(supplierKey(id).pk, 'SUPPLIER', 'supplier');
  }

  async ofOfficer(subject: string): Promise<Supplier | undefined> {
    const claim = await getItem<{ supplierId: string }>(officerKey(subject).pk, 'CLAIM', 'officer-claim');
    return claim ? this.get(claim.supplierId) : undefined;
  }

  async register(supplier: Supplier): Promise<'registered' | 'brn-taken' | 'officer-taken'> {
    const absent = 'attribute_not_exists(pk)';
    const brn = brnKey(supplier.businessRegistrationNumber);
    const officer = officerKey(supplier.officers[0]);
    if (
      !(
        await conditionalPut({
          TableName: table(),
          Item: { ...brn, kind: 'brn-claim', supplierId: supplier.id },
          ConditionExpression: absent,
        })
      ).won
    )
      return 'brn-taken';
    const release = () =>
      conditionalDelete({
        TableName: table(),
        Key: brn,
        ConditionExpression: 'supplierId = :id',
        ExpressionAttributeValues: { ':id': supplier.id },
      });
    if (
      !(
        await conditionalPut({
          TableName: table(),
          Item: { ...officer, kind: 'officer-claim', supplierId: supplier.id },
          ConditionExpression: absent,
        })
      ).won
    ) {
      await release();
      return 'officer-taken';
    }
    await conditionalPut({
      TableName: table(),
      Item: { ...supplierKey(supplier.id), kind: 'supplier', ...supplier },
      ConditionExpression: absent,
    });
    return 'registered';
  }
}
