import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';

const config = { table: tableName, client: documentClient };

const audience = ['signed-in', 'members', 'section', 'friends', 'only-me'] as const;
const roleNames = ['national-admin', 'privacy-officer', 'federation-officer', 'section-secretary', 'web-referent'] as const;

/**
 * A person with an account: Cognito holds the identity (sub = userId); this holds the membership,
 * the profile and the roles (copied here from their grants so that loading the caller is one GetItem).
 * Access patterns: docs/ACCESS_PATTERNS.md § People.
 */
export const PersonEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'person', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      email: { type: 'string', required: true },
      givenName: { type: 'string', required: true },
      familyName: { type: 'string', required: true },
      sortName: { type: 'string', required: true },
      status: { type: ['adherent', 'sympathisant'] as const, required: true },
      memberNumber: { type: 'string' },
      /** Members only; supporters belong to a federation, not a section. */
      sectionId: { type: 'string' },
      sectionName: { type: 'string' },
      federationCode: { type: 'string', required: true },
      federationName: { type: 'string', required: true },
      postalCode: { type: 'string' },
      functions: { type: 'set', items: 'string' },
      mandates: { type: 'set', items: 'string' },
      otherFunction: { type: 'string' },
      interests: { type: 'list', items: { type: 'string' } },
      photoKey: { type: 'string' },
      visibility: {
        type: 'map',
        required: true,
        properties: {
          membership: { type: audience, required: true },
          section: { type: audience, required: true },
          functions: { type: audience, required: true },
          mandates: { type: audience, required: true },
          interests: { type: audience, required: true },
          photo: { type: audience, required: true },
          email: { type: audience, required: true },
        },
      },
      /** « Qui peut me trouver »: absent means `connections` (people who share a section, federation, group or friendship). */
      findableBy: { type: ['connections', 'signed-in', 'nobody'] as const },
      /** « Qui peut m'écrire » (messaging, ADR 0029); absent: `shared-space`. */
      writableBy: { type: ['friends', 'shared-space', 'nobody'] as const },
      /** The groups the person is a member of, kept by each change of standing (S5): who shares a group, without a read. */
      groupIds: { type: 'set', items: 'string' },
      roles: {
        type: 'list',
        items: {
          type: 'map',
          properties: {
            role: { type: roleNames, required: true },
            scopeType: { type: ['national', 'federation', 'section'] as const, required: true },
            scopeId: { type: 'string', required: true },
          },
        },
      },
      mfaEnabled: { type: 'boolean', required: true, default: false },
      onboarded: { type: 'boolean', required: true, default: false },
      /** The person closed the « Premiers pas » checklist of their feed. */
      firstStepsDismissed: { type: 'boolean' },
      /** When the person consented to the processing of political-opinion data (GDPR art. 9). */
      consentAt: { type: 'string', required: true },
      createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
      // Sparse: supporters have no section and are not in this index.
      bySection: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['sectionId'] },
        sk: { field: 'gsi1sk', composite: ['sortName', 'userId'] },
      },
      byFederation: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: ['federationCode'] },
        sk: { field: 'gsi2sk', composite: ['sortName', 'userId'] },
      },
    },
  },
  config,
);

/** A role granted to a person in a space of the party's tree; who granted it and when. */
export const RoleGrantEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'roleGrant', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      role: { type: roleNames, required: true },
      scopeType: { type: ['national', 'federation', 'section'] as const, required: true },
      scopeId: { type: 'string', required: true },
      givenName: { type: 'string', required: true },
      familyName: { type: 'string', required: true },
      grantedBy: { type: 'string', required: true },
      grantedAt: { type: 'string', required: true },
    },
    indexes: {
      byPerson: {
        pk: { field: 'pk', composite: ['userId'] },
        sk: { field: 'sk', composite: ['scopeType', 'scopeId', 'role'] },
      },
      byScope: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['scopeType', 'scopeId'] },
        sk: { field: 'gsi1sk', composite: ['role', 'userId'] },
      },
    },
  },
  config,
);

/** The record of every grant and revocation, by space, newest last (who, what, when — and why, when a change of membership ended it). */
export const RoleAuditEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'roleAudit', version: '1' },
    attributes: {
      scopeType: { type: 'string', required: true },
      scopeId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      action: { type: ['grant', 'revoke'] as const, required: true },
      userId: { type: 'string', required: true },
      role: { type: 'string', required: true },
      by: { type: 'string', required: true },
      /** Why a role ended without anyone revoking it: « adhésion échue », « changement de section », « effacement du compte ». */
      reason: { type: 'string' },
    },
    indexes: {
      byScope: {
        pk: { field: 'pk', composite: ['scopeType', 'scopeId'] },
        sk: { field: 'sk', composite: ['at', 'userId', 'role'] },
      },
    },
  },
  config,
);

/** Email → person, so that a member file import can find who already signed up with an address. */
export const PersonEmailEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'personEmail', version: '1' },
    attributes: {
      email: { type: 'string', required: true },
      userId: { type: 'string', required: true },
    },
    indexes: { byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } } },
  },
  config,
);
