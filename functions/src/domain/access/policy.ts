/**
 * Every "may this caller see or change this object" decision of Coopol, as one module: the shared
 * authority core (./authority.ts) and one rule file per feature (./rules/). Handlers never decide:
 * services call these rules, which throw a ForbiddenError (403) or UnauthorizedError (401). Pure
 * functions over the caller and the object: each rule has its own test (tests/unit/policy*.test.ts).
 */
export { isNationalAdmin, requirePerson, type GroupStanding, type PartySpace, type PolicyOptions, type SectionPlace, type Space } from './authority';
export * from './rules/events';
export * from './rules/friends';
export * from './rules/groups';
export * from './rules/mailings';
export * from './rules/membership';
export * from './rules/people';
export * from './rules/reports';
export * from './rules/roles';
export * from './rules/rollout';
export * from './rules/spaces';
export * from './rules/privacy';
export * from './rules/messaging';
