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

/**
 * A caller still being loaded, for a page whose first reads need only the token's user id
 * (`implement(…, { caller: 'alongside' })`, ADR 0025): the page sends those reads alongside the
 * caller's load, then awaits `loaded` before it uses any of them. Nothing it read leaves before
 * the caller's authorization is decided: the kit, too, awaits `loaded` before it answers.
 */
export interface CallerLoading {
  kind: 'loading';
  /** The token's user id: the partition key of the page's first reads. */
  userId: string;
  loaded: Promise<Caller>;
}

/**
 * The page's first reads, sent now, and the caller once decided: a failed load (401) wins over the
 * reads' own failure, and the reads are handed back only after the caller is known.
 */
export async function alongsideCaller<T>(caller: Caller | CallerLoading, first: (userId: string) => Promise<T>): Promise<[Caller, T]> {
  if (caller.kind === 'anonymous') return [caller, undefined as T]; // nothing read: the page refuses them
  if (caller.kind !== 'loading') return [caller, await first(caller.userId)];
  const reads = first(caller.userId);
  reads.catch(() => undefined); // its failure is told after the caller's
  const loaded = await caller.loaded;
  if (loaded.kind !== 'anonymous' && loaded.userId !== caller.userId) throw new Error('caller loaded for another user than the reads');
  return [loaded, await reads];
}
