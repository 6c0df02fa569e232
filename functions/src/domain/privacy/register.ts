import type { RegisterOfProcessing } from '../../contracts/privacy';
import { inventory, processings, type ProcessingId } from './inventory';
import { durationText, retention, type RetentionId } from './retention';

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
    retention: (Object.keys(retention) as RetentionId[]).map((id) => ({ id, label: retentionWords[id].label, limit: `${durationText(retention[id].seconds)} ${retentionWords[id].from}` })),
  };
}

/** What each retention limit keeps and from when it counts, in French: the privacy page's and the register's words. */
export const retentionWords: Record<RetentionId, { label: string; from: string }> = {
  signUpAttempt: { label: 'Une inscription jamais confirmée', from: 'après la demande' },
  preregistrationPending: { label: 'Une préinscription non confirmée', from: 'après la demande' },
  preregistrationConfirmed: { label: 'Une préinscription confirmée', from: 'au plus, en attendant l’ouverture du territoire' },
  preregistrationAfterLaunch: { label: 'Une préinscription après le courriel de lancement', from: 'après l’ouverture du territoire' },
  visitorAnswer: { label: 'La réponse d’un visiteur à un événement public', from: 'après l’événement' },
  groupInvitation: { label: 'Une invitation à un groupe', from: 'après son envoi' },
  notification: { label: 'Une notification', from: 'après l’avoir reçue' },
  feedItem: { label: 'Une publication dans votre fil d’actu', from: 'après sa publication (elle reste dans son espace)' },
  unattachedUpload: { label: 'Un fichier envoyé mais jamais joint', from: 'après son envoi' },
  session: { label: 'Une session ouverte', from: 'après la connexion' },
  exportArchive: { label: 'L’archive de vos données', from: 'après sa préparation' },
  memberListRead: { label: 'Une consultation d’une liste de membres (journal de transparence)', from: 'après la consultation' },
};
