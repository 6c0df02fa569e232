import { createTranslator, type Dictionary } from '../translate';

/**
 * The slot rows of the event form (`SlotRows`).
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frSlots = {
  'newEvent.slotStart': 'Créneau {n} — début',
  'newEvent.slotEnd': 'Créneau {n} — fin',
  'newEvent.slotNeeded': 'Créneau {n} — militants nécessaires',
  'newEvent.slotLabel': 'Créneau {n} — intitulé',
  'newEvent.addSlot': '+ Ajouter un créneau',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frSlots>(frSlots);
