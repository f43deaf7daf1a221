#!/usr/bin/env bash
# Writes `aws cloudformation describe-change-set` of every platform stack's change set named $1
# into directory $2, for scripts/review-change-sets.ts. Stacks without that change set (nothing
# to change) are skipped.
set -euo pipefail
name=$1 out=$2
mkdir -p "$out"
for stack in $(aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE UPDATE_COMPLETE UPDATE_ROLLBACK_COMPLETE REVIEW_IN_PROGRESS --query 'StackSummaries[].StackName' --output text); do
  aws cloudformation describe-change-set --stack-name "$stack" --change-set-name "$name" --output json > "$out/$stack.json" 2>/dev/null || rm -f "$out/$stack.json"
done
