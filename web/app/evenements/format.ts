import { t } from '../../i18n';

// Times are said by the one Paris-time module (functions/src/contracts/paris-time.ts, ADR 0019).

export const kindLabel = (kind: string) => t(`event.kind.${kind}` as 'event.kind.autre');
