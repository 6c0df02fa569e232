import type { FindableBy, GrantRoleRequest, ProfileField, Role } from '../../contracts/identity';
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from '../errors';
import type { Caller, Grant, PersonFacts } from './caller';

/**
 * Every "may this caller see or change this object" decision of Coopol. Handlers never decide:
 * services call these rules, which throw a ForbiddenError (403) or UnauthorizedError (401).
 * Pure functions over the caller and the object: each rule has its own test (tests/unit/policy.test.ts).
 */

export interface PolicyOptions {
  /** Officials and admins must have signed in with their TOTP code before using their powers. */
  officialMfaRequired: boolean;
}

type Person = Extract<Caller, { kind: 'person' }>;

export function requirePerson(caller: Caller): Person {
  if (caller.kind === 'anonymous') throw new UnauthorizedError();
  if (caller.kind === 'unregistered') throw new ForbiddenError('Votre compte n’est pas encore complet : terminez votre inscription.');
  return caller;
}

const hasGrant = (caller: Person, role: Role, scopeType: Grant['scopeType'], scopeId: string) =>
  caller.roles.some((g) => g.role === role && g.scopeType === scopeType && g.scopeId === scopeId);

export const isNationalAdmin = (caller: Person) => hasGrant(caller, 'national-admin', 'national', 'national');

/**
 * Powers tied to a role — reading a member list in full as much as changing anything — need the
 * session to have passed the TOTP step (where required): the check every official action goes through.
 */
function usePowers(caller: Person, options: PolicyOptions): void {
  if (options.officialMfaRequired && !caller.mfaVerified) {
    throw new ForbiddenError('Vos responsabilités demandent une connexion avec la double authentification : activez-la (application TOTP), ou reconnectez-vous avec votre code.');
  }
}

/** The space a section belongs to, for rules about officials above it. */
export interface SectionPlace {
  sectionId: string;
  federationCode: string;
}

/** Officials with authority over a section: its secretary and web referent, its federation's officers, national admins. */
function hasAuthorityOverSection(caller: Person, place: SectionPlace): boolean {
  return (
    isNationalAdmin(caller) ||
    hasGrant(caller, 'federation-officer', 'federation', place.federationCode) ||
    hasGrant(caller, 'section-secretary', 'section', place.sectionId) ||
    hasGrant(caller, 'web-referent', 'section', place.sectionId)
  );
}

function hasAuthorityOverFederation(caller: Person, federationCode: string): boolean {
  return isNationalAdmin(caller) || hasGrant(caller, 'federation-officer', 'federation', federationCode);
}

export type ListAccess = 'full' | 'as-allowed';

/**
 * A section's member list: officials over it see everyone; the section's own members see those who
 * allow it; anyone else is refused (a supporter or a member of another section learns nothing).
 */
export function sectionMemberListAccess(caller: Caller, place: SectionPlace, options: PolicyOptions): ListAccess {
  const person = requirePerson(caller);
  if (hasAuthorityOverSection(person, place)) {
    usePowers(person, options);
    return 'full';
  }
  if (person.status === 'adherent' && person.sectionId === place.sectionId) return 'as-allowed';
  throw new ForbiddenError('Seuls les adhérents de la section et ses responsables voient ses membres.');
}

/** A federation's member list: its officers and national admins see everyone; its own people see those who allow it. */
export function federationMemberListAccess(caller: Caller, federationCode: string, options: PolicyOptions): ListAccess {
  const person = requirePerson(caller);
  if (hasAuthorityOverFederation(person, federationCode)) {
    usePowers(person, options);
    return 'full';
  }
  if (person.federationCode === federationCode) return 'as-allowed';
  throw new ForbiddenError('Seuls les membres de la fédération et ses responsables voient ses membres.');
}

/** Whether `viewer` falls in the audience `owner` chose for one field. Friends come with the friends feature. */
export function inAudience(viewer: Caller, owner: PersonFacts, field: ProfileField, areFriends = false): boolean {
  if (viewer.kind !== 'person') return false;
  if (viewer.userId === owner.userId) return true;
  switch (owner.visibility[field]) {
    case 'signed-in':
      return true;
    case 'members':
      return viewer.status === 'adherent';
    case 'section':
      return Boolean(owner.sectionId) && viewer.status === 'adherent' && viewer.sectionId === owner.sectionId;
    case 'friends':
      return areFriends;
    case 'only-me':
    default:
      return false;
  }
}

/** Fields an official over the person's space sees regardless of their choices (to run the section). */
const officialFields: ReadonlySet<ProfileField> = new Set(['membership', 'section', 'email']);

/** Which fields of `owner`'s profile `viewer` may see. Name is always visible to those who may see the person at all. */
export function visibleFields(viewer: Caller, owner: PersonFacts, access: ListAccess = 'as-allowed', areFriends = false): Set<ProfileField> {
  const fields = new Set<ProfileField>();
  for (const field of ['membership', 'section', 'functions', 'mandates', 'interests', 'photo', 'email'] as const) {
    if ((access === 'full' && officialFields.has(field)) || inAudience(viewer, owner, field, areFriends)) fields.add(field);
  }
  return fields;
}

/** What « qui peut me trouver » needs to know of a person (copied on their search entries). */
export interface FindableFacts {
  userId: string;
  findableBy?: FindableBy;
  federationCode?: string;
  groupIds?: readonly string[];
}

/**
 * Whether `viewer` may find `target` by name (search, friend suggestions, mentions). By default
 * (`connections`) those who share a section or a federation (a section is in one federation), a
 * group or a friendship with them; `signed-in`: everyone signed in; `nobody`: no one but themselves.
 * Decided with facts already at hand: the caller's own item (P1) and the target's entry.
 */
export function mayFind(viewer: Caller, target: FindableFacts, areFriends: boolean): boolean {
  if (viewer.kind !== 'person') return false;
  if (viewer.userId === target.userId) return true;
  switch (target.findableBy ?? 'connections') {
    case 'signed-in':
      return true;
    case 'nobody':
      return false;
    case 'connections': {
      if (areFriends || (target.federationCode !== undefined && target.federationCode === viewer.federationCode)) return true;
      const mine = new Set(viewer.groupIds ?? []);
      return (target.groupIds ?? []).some((groupId) => mine.has(groupId));
    }
  }
}

/** Whether finding `target` needs to know if the viewer is their friend (the only fact not at hand). */
export const findingNeedsFriendship = (viewer: Caller, target: FindableFacts) => !mayFind(viewer, target, false) && mayFind(viewer, target, true);

/** A profile page: any signed-in person may open it; what it shows follows the owner's choices. */
export function mayOpenProfile(caller: Caller): void {
  requirePerson(caller);
}

/** Importing the party's member file is for national admins. */
export function mayImportMemberFile(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('L’import du fichier des adhérents est réservé à l’administration nationale.');
  usePowers(person, options);
}

/** Where a person stands in the party's tree, as far as roles are concerned. */
export type Membership = Pick<PersonFacts, 'status' | 'sectionId' | 'federationCode'>;

/**
 * Whether a role still holds for a person as they stand: territorial roles depend on membership
 * there (a section's roles on being an adhérent of that section, a federation's on being an adhérent
 * of that federation); national roles depend on no membership. Granting asks it of the person
 * named; a lapse, a move or an erasure ends the roles for which it no longer holds (roles/service.ts).
 */
export function grantHolds(grant: Grant, person: Membership | null): boolean {
  if (!person) return false;
  switch (grant.role) {
    case 'national-admin':
    case 'privacy-officer':
      return true;
    case 'federation-officer':
      return person.status === 'adherent' && person.federationCode === grant.scopeId;
    case 'section-secretary':
    case 'web-referent':
      return person.status === 'adherent' && person.sectionId === grant.scopeId;
  }
}

/**
 * Who may give or take back a role: whoever is above it — national roles and federation officers by
 * national admins; section secretaries by them or the federation's officers; web referents also by
 * the section's secretary. A role in the wrong kind of space is refused.
 */
function mayChangeRole(person: Person, grant: Grant, section: SectionPlace | undefined, refuse: (message?: string) => never): boolean {
  switch (grant.role) {
    case 'national-admin':
    case 'privacy-officer':
      if (grant.scopeType !== 'national' || grant.scopeId !== 'national') refuse('Ce rôle est national.');
      return isNationalAdmin(person);
    case 'federation-officer':
      if (grant.scopeType !== 'federation') refuse('Ce rôle s’exerce dans une fédération.');
      return isNationalAdmin(person);
    case 'section-secretary':
    case 'web-referent':
      if (grant.scopeType !== 'section' || !section) refuse('Ce rôle s’exerce dans une section.');
      return (
        hasAuthorityOverFederation(person, section!.federationCode) ||
        (grant.role === 'web-referent' && hasGrant(person, 'section-secretary', 'section', section!.sectionId))
      );
  }
}

const roleRefusal = (message = 'Vous ne pouvez pas attribuer ce rôle dans cet espace.'): never => {
  throw new ForbiddenError(message);
};

/** Granting: by whoever is above the role (`mayChangeRole`), to someone for whom it holds (`grantHolds`). */
export function mayGrantRole(
  caller: Caller,
  grant: GrantRoleRequest,
  target: PersonFacts,
  section: SectionPlace | undefined,
  options: PolicyOptions,
): void {
  const person = requirePerson(caller);
  const allowed = mayChangeRole(person, grant, section, roleRefusal);
  if (!grantHolds(grant, target)) {
    roleRefusal(grant.scopeType === 'federation' ? 'La personne doit être adhérente de cette fédération.' : 'La personne doit être adhérente de cette section.');
  }
  if (!allowed) roleRefusal();
  usePowers(person, options);
}

/**
 * Revoking: whoever may grant the role takes it back, whatever has become of the person since (a
 * lapsed or moved member's roles can always be ended).
 */
export function mayRevokeRole(caller: Caller, grant: Grant, section: SectionPlace | undefined, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!mayChangeRole(person, grant, section, roleRefusal)) roleRefusal('Vous ne pouvez pas retirer ce rôle dans cet espace.');
  usePowers(person, options);
}

// ——— Events, volunteer slots and field reports (issue 6) ———

/** A space where events happen (the party's tree or a thematic group), with its parents. */
export interface SpacePlace {
  type: 'national' | 'federation' | 'section' | 'group';
  id: string;
  federationCode?: string;
}

/**
 * Whether the caller runs this space: its officials and those above them; a group's managers
 * (`standing`: the caller's place in the group, for a group space). Nobody runs a group from outside.
 */
function hasAuthorityOverSpace(caller: Person, space: SpacePlace, standing?: GroupStanding): boolean {
  switch (space.type) {
    case 'section':
      return hasAuthorityOverSection(caller, { sectionId: space.id, federationCode: space.federationCode ?? '' });
    case 'federation':
      return hasAuthorityOverFederation(caller, space.id);
    case 'national':
      return isNationalAdmin(caller);
    case 'group':
      return isGroupManager(standing);
  }
}

/**
 * Creating events in a space (and so editing, cancelling and reporting on them) is for those who run
 * it. Group managers hold no official role: like their other group powers, no MFA is asked of them.
 */
export function mayOrganizeEvents(caller: Caller, space: SpacePlace, options: PolicyOptions, standing?: GroupStanding): void {
  const person = requirePerson(caller);
  if (!hasAuthorityOverSpace(person, space, standing)) throw new ForbiddenError('Seuls les responsables de cet espace organisent ses événements.');
  if (space.type !== 'group') usePowers(person, options);
}

/** Whether the caller runs the event's space (no MFA check: for showing the buttons, not using them). */
export function runsSpace(caller: Caller, space: SpacePlace, standing?: GroupStanding): boolean {
  return caller.kind === 'person' && hasAuthorityOverSpace(caller, space, standing);
}

export interface EventAudience {
  space: SpacePlace;
  visibility: 'public' | 'supporters' | 'members' | 'section';
  /** The caller's standing in the event's group (group events only). */
  group?: GroupStanding;
}

/**
 * Who sees an event: public → everyone, visitors included; supporters → every signed-in person;
 * members → every adhérent; section → the section's adhérents. A group's events other than public
 * ones are for the group's members only, the visibility narrowing further (« adhérents » among
 * them). Its organizers always see it.
 */
export function mayViewEvent(caller: Caller, event: EventAudience): boolean {
  if (event.visibility === 'public') return true;
  if (caller.kind !== 'person') return false;
  if (hasAuthorityOverSpace(caller, event.space, event.group)) return true;
  if (event.space.type === 'group' && !isGroupMember(event.group)) return false;
  switch (event.visibility) {
    case 'supporters':
      return true;
    case 'members':
      return caller.status === 'adherent';
    case 'section':
      return caller.status === 'adherent' && event.space.type === 'section' && caller.sectionId === event.space.id;
  }
}

/**
 * The field-report dashboards: a section's officials see their section; federation officers their
 * federation and its sections; national admins every level (regions have no officials of their own).
 */
export function mayViewReports(
  caller: Caller,
  level: 'section' | 'federation' | 'region' | 'national' | 'group',
  place: { id: string; federationCode?: string; standing?: GroupStanding },
  options: PolicyOptions,
): void {
  const person = requirePerson(caller);
  // A group's dashboard is its managers' (no official role, so no TOTP: as for their other group powers).
  if (level === 'group') {
    if (!isGroupManager(place.standing)) throw new ForbiddenError('Ce tableau de bord est réservé aux animateurs du groupe.');
    return;
  }
  const allowed =
    level === 'section'
      ? hasAuthorityOverSection(person, { sectionId: place.id, federationCode: place.federationCode ?? '' })
      : level === 'federation'
        ? hasAuthorityOverFederation(person, place.id)
        : isNationalAdmin(person);
  if (!allowed) throw new ForbiddenError('Ce tableau de bord est réservé aux responsables de cet échelon.');
  usePowers(person, options);
}

/** Rollout waves (create, edit, deploy, open, follow) are for national admins. */
export function mayManageWaves(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('Les vagues de déploiement sont gérées par l’administration nationale.');
  usePowers(person, options);
}

/** A part of the country whose rollout numbers someone looks at. */
export type RolloutScope = { kind: 'national' } | { kind: 'region'; code: string } | { kind: 'federation'; code: string };

/**
 * Rollout numbers (funnel, sign-ups): national admins see every scope; a federation's officers
 * see their own federation's.
 */
export function mayViewRolloutNumbers(caller: Caller, scope: RolloutScope, options: PolicyOptions): void {
  const person = requirePerson(caller);
  const allowed = isNationalAdmin(person) || (scope.kind === 'federation' && hasGrant(person, 'federation-officer', 'federation', scope.code));
  if (!allowed) throw new ForbiddenError('Ces chiffres sont réservés à l’administration nationale et aux responsables de la fédération.');
  usePowers(person, options);
}

// ——— Social: groups, friends, posts, comments, feed (issue 5) ———

/** A thematic group as the rules see it. */
export interface GroupFacts {
  kind: 'open' | 'closed' | 'secret';
  audience: 'all' | 'members';
}

/** The caller's place in a group, if any: a member (manager or not) or a pending request. */
export type GroupStanding = { state: 'member' | 'requested'; role: 'manager' | 'member' } | undefined;

const isGroupMember = (standing: GroupStanding) => standing?.state === 'member';
const isGroupManager = (standing: GroupStanding) => standing?.state === 'member' && standing.role === 'manager';

/** Any member (adhérent) may create a group, in or outside their section: no secretary can stop it. */
export function mayCreateGroup(caller: Caller): Person {
  const person = requirePerson(caller);
  if (person.status !== 'adherent') throw new ForbiddenError('Seuls les adhérents créent des groupes ; les sympathisants peuvent en rejoindre.');
  return person;
}

/**
 * Whether a group exists at all for the caller: secret groups only for their members and the people
 * invited to them; groups for members only are not shown to supporters. Callers who may not see a
 * group get the same answer as for a group that does not exist.
 */
export function mayDiscoverGroup(caller: Caller, group: GroupFacts, standing: GroupStanding, invited = false): boolean {
  if (caller.kind !== 'person') return false;
  if (standing || invited) return true;
  if (group.kind === 'secret') return false;
  return group.audience === 'all' || caller.status === 'adherent';
}

/** Joining: open groups at once, closed ones on request; secret ones by invitation only. */
export function joinOutcome(caller: Caller, group: GroupFacts, standing: GroupStanding, invited = false): 'member' | 'requested' {
  const person = requirePerson(caller);
  if (standing) throw new ConflictError(standing.state === 'member' ? 'Vous êtes déjà membre de ce groupe.' : 'Votre demande est déjà envoyée.');
  if (group.audience === 'members' && person.status !== 'adherent') throw new ForbiddenError('Ce groupe est réservé aux adhérents.');
  if (invited) return 'member';
  if (group.kind === 'secret') throw new ForbiddenError('On n’entre dans ce groupe que sur invitation.');
  return group.kind === 'open' ? 'member' : 'requested';
}

/** Managers run the group: invitations, requests, other managers, removals. */
export function mayManageGroup(caller: Caller, standing: GroupStanding): void {
  requirePerson(caller);
  if (!isGroupManager(standing)) throw new ForbiddenError('Réservé aux animateurs du groupe.');
}

/** A group's members and posts are for its members. */
export function mayReadGroup(caller: Caller, standing: GroupStanding): void {
  requirePerson(caller);
  if (!isGroupMember(standing)) throw new ForbiddenError('Réservé aux membres du groupe.');
}

/** Where a post lives. */
export type Space =
  | { type: 'section'; id: string; federationCode: string }
  | { type: 'federation'; id: string }
  | { type: 'group'; id: string }
  | { type: 'profile'; id: string }
  | { type: 'national'; id: 'national' };

/** What a rule about a space needs beyond the caller: their standing in its group, their friendship with its owner. */
export interface SpaceFacts {
  group?: GroupStanding;
  friends?: boolean;
  /** Blocked from posting in this space by its moderators. */
  blocked?: boolean;
}

/**
 * Who reads a space: a section's members and the officials over it (supporters and other sections
 * never); a federation's people and officers; a group's members; a profile's owner and friends;
 * national announcements: everyone signed in.
 */
export function canReadSpace(caller: Caller, space: Space, facts: SpaceFacts = {}): boolean {
  if (caller.kind !== 'person') return false;
  switch (space.type) {
    case 'section':
      return (caller.status === 'adherent' && caller.sectionId === space.id) || hasAuthorityOverSection(caller, { sectionId: space.id, federationCode: space.federationCode });
    case 'federation':
      return caller.federationCode === space.id || hasAuthorityOverFederation(caller, space.id);
    case 'group':
      return isGroupMember(facts.group);
    case 'profile':
      return caller.userId === space.id || facts.friends === true;
    case 'national':
      return true;
  }
}

export function mayReadSpace(caller: Caller, space: Space, facts: SpaceFacts = {}): void {
  requirePerson(caller);
  if (!canReadSpace(caller, space, facts)) throw new ForbiddenError('Cet espace n’est pas ouvert à votre compte.');
}

/**
 * Who posts in a space: the section's members; the federation's members; a group's members; one's
 * own profile; national announcements by national admins. Someone blocked by a space's moderators
 * posts nowhere in that space (and keeps everything else).
 */
export function mayPostIn(caller: Caller, space: Space, facts: SpaceFacts, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (facts.blocked) throw new ForbiddenError('Les modérateurs de cet espace vous ont retiré le droit d’y publier.');
  let allowed: boolean;
  switch (space.type) {
    case 'section':
      allowed = person.status === 'adherent' && person.sectionId === space.id;
      break;
    case 'federation':
      allowed = person.status === 'adherent' && person.federationCode === space.id;
      break;
    case 'group':
      allowed = isGroupMember(facts.group);
      break;
    case 'profile':
      allowed = person.userId === space.id;
      break;
    case 'national':
      allowed = isNationalAdmin(person);
      if (allowed) usePowers(person, options);
      break;
  }
  if (!allowed) throw new ForbiddenError('Vous ne pouvez pas publier dans cet espace.');
}

/** Commenting: whoever may read the post, unless blocked in its space. */
export function mayComment(caller: Caller, space: Space, facts: SpaceFacts): void {
  mayReadSpace(caller, space, facts);
  if (facts.blocked) throw new ForbiddenError('Les modérateurs de cet espace vous ont retiré le droit d’y publier.');
}

/** Authors edit and delete their own posts and comments, nobody else. */
export function mayEditPost(caller: Caller, authorId: string): void {
  const person = requirePerson(caller);
  if (person.userId !== authorId) throw new ForbiddenError('Seul·e l’auteur·rice modifie ou supprime sa publication.');
}

/**
 * Moderating a space (hide content, see reports, block someone): a section's secretary and web
 * referent (and officials above); a group's managers; a federation's officers; national admins everywhere.
 */
export function mayModerateSpace(caller: Caller, space: Space, facts: SpaceFacts, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (space.type === 'group' && isGroupManager(facts.group)) return;
  let official: boolean;
  switch (space.type) {
    case 'section':
      official = hasAuthorityOverSection(person, { sectionId: space.id, federationCode: space.federationCode });
      break;
    case 'federation':
      official = hasAuthorityOverFederation(person, space.id);
      break;
    default:
      official = isNationalAdmin(person);
  }
  if (!official) throw new ForbiddenError('Réservé aux modérateurs de cet espace.');
  usePowers(person, options);
}

/** Anyone signed in may ask anyone else to be friends (« coopains »), never themselves. */
export function mayBefriend(caller: Caller, otherId: string): Person {
  const person = requirePerson(caller);
  if (person.userId === otherId) throw new ValidationError([{ field: 'params.userId', message: 'on ne se demande pas soi-même en coopain' }]);
  return person;
}

/** Escalated reports are the national admins' to see. */
export function mayViewEscalations(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('Les signalements remontés sont traités par l’administration nationale.');
  usePowers(person, options);
}
