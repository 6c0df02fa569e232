import type { Audience, Role, ScopeType, Visibility } from '../../contracts/identity';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

/** A person as the rules see them: status, place in the party's tree, roles. */
export interface PersonFacts {
  userId: string;
  status: 'adherent' | 'sympathisant';
  sectionId?: string;
  federationCode: string;
  roles: Grant[];
  /** The caller's session passed the TOTP step (officials need it before using their powers). */
  mfaVerified: boolean;
  visibility: Visibility;
  /** The groups they are a member of (copied on the person: who shares a group is known without a read). */
  groupIds?: string[];
}

/**
 * Who is asking. `unregistered`: a valid token whose person record does not exist (yet): such a
 * caller may only read and create their own profile.
 */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'unregistered'; userId: string }
  | ({ kind: 'person' } & PersonFacts);

export type { Audience };
