import type { DailyFigures } from './aggregate';

type Field = { readonly name: keyof DailyFigures; readonly type: 'string' | 'date' | 'integer' | 'number'; readonly description: string };

/** The data dictionary of the published daily figures: every column, its type and what it counts. */
export const FIGURES_DICTIONARY: readonly Field[] = [
  { name: 'service', type: 'string', description: 'Id of the e-service, app or website, as its department registered it' },
  { name: 'department', type: 'string', description: 'Code of the department that runs it' },
  { name: 'date', type: 'date', description: 'The Hong Kong day counted (UTC+8)' },
  { name: 'pageViews', type: 'integer', description: 'Pages viewed' },
  {
    name: 'visitors',
    type: 'integer',
    description: 'Distinct visitors of the day, by a hash that cannot be linked to a person or across days',
  },
  { name: 'starts', type: 'integer', description: 'Transactions started online' },
  { name: 'completions', type: 'integer', description: 'Transactions completed online' },
  { name: 'completionRate', type: 'number', description: 'Completions over starts, 0 to 1; empty without starts' },
  { name: 'downloads', type: 'integer', description: 'App downloads the department reported from the stores for the day' },
  { name: 'cumulativeDownloads', type: 'integer', description: 'App downloads reported up to and including the day' },
  { name: 'activeUsers', type: 'integer', description: 'Distinct visitors with an app session' },
  { name: 'usageRate', type: 'number', description: 'Active users over cumulative downloads, 0 to 1; empty before any download' },
  {
    name: 'offlineTransactions',
    type: 'integer',
    description: 'Transactions done at a counter, by post or phone, as the department reported; empty if not reported',
  },
  {
    name: 'digitalTakeUp',
    type: 'number',
    description: 'Online completions over all transactions, 0 to 1; empty unless offline volume was reported',
  },
];
