import { Entity, Service } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';

/**
 * The one subscription model's items (mail/preferences.ts, ADR 0028; access patterns E14, E15): kept
 * apart from the events' entities so that a route that only reads or changes a person's mail choices
 * (sign-up, consent withdrawal, « Mails reçus ») does not carry the whole events model in its bundle.
 */

/** A person's choices of bulk mail (event announcements, each space's messages), with the secret of their one-click unsubscribe links. */
export const MailPreferenceEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'mailPreference', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      eventAnnouncements: { type: 'boolean', required: true, default: true },
      unsubscribeToken: { type: 'string', required: true },
      /** The spaces whose messages the person left, per kind: `section:mulhouse/messages` (mail/preferences.ts). */
      unsubscribedFrom: { type: 'set', items: 'string' },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  entityConfig,
);

/** Unsubscribe token → person (the link in each announcement mail). */
export const UnsubscribeLinkEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'unsubscribeLink', version: '1' },
    attributes: {
      token: { type: 'string', required: true },
      userId: { type: 'string', required: true },
    },
    indexes: { byToken: { pk: { field: 'pk', composite: ['token'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);

/** A preference and its link are made together, in one transaction. */
export const preferenceService = new Service({ preference: MailPreferenceEntity, unsubscribe: UnsubscribeLinkEntity });
