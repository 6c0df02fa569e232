import { migrateEventSpaceKeys } from '../functions/src/domain/events/migrations';

/**
 * Moves the events stored before ADR 0017's key convention onto the agenda index's new key
 * (`functions/src/domain/events/migrations.ts`). Idempotent: run it once after deploying, again if
 * it was interrupted. `TABLE_NAME` names the table (and `DYNAMODB_ENDPOINT` a local one); the AWS
 * credentials are the usual ones of the SDK.
 *   TABLE_NAME=coopol-prod-data npx tsx scripts/migrate-event-space-keys.ts
 */
const { scanned, moved } = await migrateEventSpaceKeys();
console.log(`events without a space key: ${scanned}; moved onto it: ${moved}`);
