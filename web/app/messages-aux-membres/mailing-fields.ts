/** The composer's fields, by the names the API's refusals are shown under (`body.segment.status` → `segment.status`). */
export const mailingFields = [
  'subject',
  'text',
  'eventId',
  'audience',
  'postInSpace',
  'segment.status',
  'segment.interests',
  'volunteers',
  'segment.months',
  'segment.inactiveForMonths',
  'segment.excludeEventId',
  'replyTo',
] as const;

export type MailingFormValues = Record<(typeof mailingFields)[number], string>;
