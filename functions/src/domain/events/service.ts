/**
 * The events service, as the events Lambda calls it: one module gathering the sub-domains — reading
 * an event and the agendas (./agenda.ts), organizing (./organizing.ts), answering (./rsvp.ts), the
 * volunteer slots (./slots.ts).
 */
export { getEvent, getPublicEvent, listAgenda, listRegionAgenda } from './agenda';
export { cancelEvent, createEvent, listAttendees, loadManagedEvent, updateEvent } from './organizing';
export { answerEvent } from './rsvp';
export { leaveSlot, signUpForSlot } from './slots';
