/**
 * Reviews change sets before a deployment is approved: reads each file given (the JSON of
 * `aws cloudformation describe-change-set`), prints the summary with security-relevant changes
 * first, and exits non-zero when one would replace or delete a stateful resource.
 *
 *   npx tsx scripts/review-change-sets.ts change-sets/*.json > review.txt
 */
import { readFileSync } from 'node:fs';
import { reviewChangeSet } from '../lib/delivery/change-set-review';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: tsx scripts/review-change-sets.ts <describe-change-set.json>...');
  process.exit(2);
}
const reviews = files.map((file) => reviewChangeSet(JSON.parse(readFileSync(file, 'utf8'))));
for (const review of reviews) console.log(`${review.summary}\n`);
const refusals = reviews.flatMap((r) => r.refusals);
for (const refusal of refusals) console.error(refusal);
process.exit(refusals.length > 0 ? 1 : 0);
