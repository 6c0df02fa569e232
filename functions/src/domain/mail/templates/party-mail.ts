import { party } from '../../../shared/party';
import { linkList, paragraph, smallPrint, type Block } from '../layout';

/**
 * What every mail to many carries (issue 16): the party it comes from, with its address, and a
 * person's signature — the 2010 users found the anonymous mail cold.
 */
export const partyIdentity = (): Block => smallPrint(`Coopol est le réseau de ${party.name} · ${party.address}`);

export const signature = (name: string, forWhom: string): Block => paragraph(`${name}, pour ${forWhom}`);

/** At most this many slots are listed; the others are on the action's page. */
const LISTED_SLOTS = 8;

/** An action's volunteer needs: its slots, one link each to its sign-up on the action's page. */
export function slotNeeds(slots: { label: string; url: string }[]): Block[] {
  if (!slots.length) return [];
  const more = slots.length - LISTED_SLOTS;
  return [
    paragraph('On a besoin de vous sur ces créneaux — un clic, et vous choisissez le vôtre :'),
    linkList(slots.slice(0, LISTED_SLOTS).map((s) => ({ label: `Je viens ${s.label}`, url: s.url }))),
    ...(more > 0 ? [paragraph(`Et ${more} autre${more > 1 ? 's' : ''} créneau${more > 1 ? 'x' : ''} sur la page de l’action.`)] : []),
  ];
}
