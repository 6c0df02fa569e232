/** The slot lines of the new-event form, shared by its fields (SlotRows) and its action. */

/** The most slots an event may have (the API's limit). */
export const MAX_SLOTS = 24;

export const SLOT_PARTS = ['Start', 'End', 'Needed', 'Label'] as const;

/** `slot3Start`… for line `n` (1-based). */
export const slotField = (n: number, part: (typeof SLOT_PARTS)[number]) => `slot${n}${part}`;

export const slotNumbers = Array.from({ length: MAX_SLOTS }, (_, i) => i + 1);
