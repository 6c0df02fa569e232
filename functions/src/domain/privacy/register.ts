import type { RegisterOfProcessing } from '../../contracts/privacy';
import { inventory, processings, type ProcessingId } from './inventory';
import { durationText, retention } from './retention';

/** The register of processing (GDPR art. 30), generated from the inventory and the retention limits. */
export function registerOfProcessing(): RegisterOfProcessing {
  return {
    processings: (Object.keys(processings) as ProcessingId[]).map((id) => ({
      id,
      ...processings[id],
      data: inventory
        .filter((rule) => rule.processing === id)
        .map(({ feature, entity, label, data, export: exported, erasure, retention: kept, reason }) => ({
          entity: `${feature}/${entity}`, label, data, export: exported, erasure, retention: kept, reason,
        })),
    })),
    retention: Object.entries(retention).map(([id, limit]) => ({ id, label: limit.label, limit: `${durationText(limit.seconds)} ${limit.from}` })),
  };
}
