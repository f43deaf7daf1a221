import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, conditionalUpdate, type Item, queryAll, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { PayAccount, PayApiKeyRecord, Payment, PaymentEventRecord, Refund } from '../domain/model';
import { type ReconciliationEntry, reconciliationDay } from '../domain/reconciliation';
import type { PaymentSearch, PaymentStore, TransitionFields } from '../ports';
import { PAY_INDEXES, PAY_TABLE } from '../storage';

/**
 * The payments table. A payment is one item (`PAYMENT#<id>`/`PAYMENT`) holding its refunds and
 * events; state changes are conditional on its version, refunds on its refunded total. A
 * settled refund also gets a ledger item (`REFUND#<id>`) in the reconciliation index.
 */
const table = () => tableOf(PAY_TABLE);
const paymentKey = (id: string) => ({ pk: `PAYMENT#${id}`, sk: 'PAYMENT' });
/** Attributes of the storage, not of the records: keys, index keys and the TTL. */
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'expiresAt'];
const record = <T>(item: Item | undefined) => withoutAttributes<T>(item, ...STORAGE_ATTRIBUTES);

/**
 * A payment's metadata is kept as its JSON text: the service's keys are any Pay accepts (a key
 * named `constructor` makes the SDK's marshaller refuse the object as a map) and its numbers any
 * JSON number (DynamoDB's are narrower), and the text reads back exactly. Payments stored with a
 * map read as they are.
 */
function paymentItem(payment: Payment): Item {
  const { metadata, ...rest } = payment;
  return metadata === undefined ? rest : { ...rest, metadata: JSON.stringify(metadata) };
}

function paymentRecord(item: Item | undefined): Payment | undefined {
  const payment = record<Payment & { metadata?: unknown }>(item);
  if (!payment || typeof payment.metadata !== 'string') return payment;
  return { ...payment, metadata: JSON.parse(payment.metadata) as Payment['metadata'] };
}

export class DynamoPaymentStore implements PaymentStore {
  async getAccount(accountId: string): Promise<PayAccount | undefined> {
    return this.get<PayAccount>({ pk: `ACCOUNT#${accountId}`, sk: 'ACCOUNT' });
  }

  async putAccount(account: PayAccount): Promise<void> {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { ...account, pk: `ACCOUNT#${account.id}`, sk: 'ACCOUNT' } }));
  }

  async putApiKey(key: PayApiKeyRecord): Promise<void> {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { ...key, pk: `APIKEY#${key.hash}`, sk: 'APIKEY' } }));
  }

  async findApiKey(hash: string): Promise<PayApiKeyRecord | undefined> {
    return this.get<PayApiKeyRecord>({ pk: `APIKEY#${hash}`, sk: 'APIKEY' });
  }

  async createPayment(payment: Payment): Promise<void> {
    const created = await conditionalPut({
      TableName: table(),
      Item: {
        ...paymentItem(payment),
        ...paymentKey(payment.id),
        gsi1pk: `ACCOUNT#${payment.accountId}`,
        gsi1sk: `${payment.createdDate}#${payment.id}`,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!created.won) throw new Error(`A payment ${payment.id} already exists`);
    await dynamo().send(
      new PutCommand({ TableName: table(), Item: { pk: `TOKEN#${payment.chargeToken}`, sk: 'TOKEN', paymentId: payment.id } }),
    );
  }

  async getPayment(paymentId: string): Promise<Payment | undefined> {
    return paymentRecord(await this.item(paymentKey(paymentId)));
  }

  async findByChargeToken(token: string): Promise<Payment | undefined> {
    const link = await this.get<{ paymentId: string }>({ pk: `TOKEN#${token}`, sk: 'TOKEN' });
    return link && this.getPayment(link.paymentId);
  }

  async transition(current: Payment, event: PaymentEventRecord, fields: TransitionFields): Promise<Payment | undefined> {
    const names: Record<string, string> = { '#state': 'state', '#events': 'events', '#version': 'version' };
    const values: Record<string, unknown> = {
      ':state': event.state,
      ':event': [event],
      ':expected': current.version,
      ':next': current.version + 1,
    };
    const sets = ['#state = :state', '#events = list_append(#events, :event)', '#version = :next'];
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    if (fields.capturedDate) {
      values[':gsi2pk'] = `RECON#${current.departmentCode}#${reconciliationDay(fields.capturedDate)}`;
      values[':gsi2sk'] = `${fields.capturedDate}#P#${current.id}`;
      sets.push('gsi2pk = :gsi2pk', 'gsi2sk = :gsi2sk');
    }
    const updated = await conditionalUpdate({
      TableName: table(),
      Key: paymentKey(current.id),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    });
    return updated.won ? paymentRecord(updated.attributes) : undefined;
  }

  async searchPayments(search: PaymentSearch): Promise<Payment[]> {
    // No payment is created both at or after a from_date and before an earlier to_date, and
    // DynamoDB refuses a BETWEEN whose bounds are reversed.
    if (search.fromDate && search.toDate && search.fromDate > search.toDate) return [];
    const items = await queryAll({
      TableName: table(),
      IndexName: PAY_INDEXES.byAccount,
      // The sort key is createdDate#id, so BETWEEN includes from_date and stops before to_date.
      KeyConditionExpression: 'gsi1pk = :account AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':account': `ACCOUNT#${search.accountId}`,
        // Open bounds: before and after every ISO date. DynamoDB refuses an empty key value.
        ':from': search.fromDate ?? '0',
        ':to': search.toDate ?? '~',
      },
      ScanIndexForward: false,
    });
    return items.map((item) => paymentRecord(item) as Payment);
  }

  async reserveRefund(payment: Payment, refund: Refund, expectedRefunded: number): Promise<boolean> {
    const reserved = await conditionalUpdate({
      TableName: table(),
      Key: paymentKey(payment.id),
      UpdateExpression: 'SET refundedAmount = :total, refunds.#refund = :refund',
      ConditionExpression:
        'refundedAmount = :expected AND amount >= :total AND #state.#status = :success AND attribute_not_exists(refunds.#refund)',
      ExpressionAttributeNames: { '#refund': refund.refundId, '#state': 'state', '#status': 'status' },
      ExpressionAttributeValues: {
        ':total': expectedRefunded + refund.amount,
        ':refund': refund,
        ':expected': expectedRefunded,
        ':success': 'success',
      },
    });
    return reserved.won;
  }

  async settleRefund(payment: Payment, refund: Refund): Promise<void> {
    const giveBack = refund.status === 'error';
    const settled = await conditionalUpdate({
      TableName: table(),
      Key: paymentKey(payment.id),
      UpdateExpression: `SET refunds.#refund.#status = :status, refunds.#refund.settledDate = :settled${giveBack ? ', refundedAmount = refundedAmount - :amount' : ''}`,
      ConditionExpression: 'refunds.#refund.#status = :submitted',
      ExpressionAttributeNames: { '#refund': refund.refundId, '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': refund.status,
        ':settled': refund.settledDate,
        ':submitted': 'submitted',
        ...(giveBack ? { ':amount': refund.amount } : {}),
      },
    });
    if (!settled.won || refund.status !== 'success' || !refund.settledDate) return;
    const entry: ReconciliationEntry = {
      type: 'refund',
      time: refund.settledDate,
      paymentId: payment.id,
      refundId: refund.refundId,
      accountId: payment.accountId,
      reference: payment.reference,
      cardBrand: payment.card?.brand,
      amount: refund.amount,
    };
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: {
          pk: `PAYMENT#${payment.id}`,
          sk: `REFUND#${refund.refundId}`,
          gsi2pk: `RECON#${payment.departmentCode}#${reconciliationDay(refund.settledDate)}`,
          gsi2sk: `${refund.settledDate}#R#${refund.refundId}`,
          entry,
        },
      }),
    );
  }

  async reconciliationEntries(departmentCode: string, day: string): Promise<ReconciliationEntry[]> {
    const items = await queryAll({
      TableName: table(),
      IndexName: PAY_INDEXES.reconciliation,
      KeyConditionExpression: 'gsi2pk = :day',
      ExpressionAttributeValues: { ':day': `RECON#${departmentCode}#${day}` },
    });
    return items.map((item) =>
      item.sk === 'PAYMENT' ? capturedEntry(paymentRecord(item) as Payment) : (item.entry as ReconciliationEntry),
    );
  }

  private async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    return record<T>(await this.item(key));
  }

  private async item(key: { pk: string; sk: string }): Promise<Item | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
    return got.Item;
  }
}

/** A captured payment as a reconciliation entry: the payment item itself sits in the index on its capture day. */
function capturedEntry(payment: Payment): ReconciliationEntry {
  return {
    type: 'payment',
    time: payment.capturedDate ?? '',
    paymentId: payment.id,
    accountId: payment.accountId,
    reference: payment.reference,
    cardBrand: payment.card?.brand,
    amount: payment.amount,
  };
}
