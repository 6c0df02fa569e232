import * as z from 'zod';

/**
 * The one model of a space (ADR 0017), as the API speaks of it: the national level, a federation, a
 * section, a thematic group, a person's profile. Posts live in any of them; events, agendas and
 * reports in the party's spaces and groups (not a profile).
 */
export const SpaceType = z.enum(['national', 'federation', 'section', 'group', 'profile']);
export type SpaceType = z.infer<typeof SpaceType>;
export const PartySpaceType = SpaceType.exclude(['profile']);
export type PartySpaceType = z.infer<typeof PartySpaceType>;

// Federation codes are INSEE département codes: Corsica's are « 2A » and « 2B »; groups and people have ids.
export const SpaceId = z.string().regex(/^[\w-]{1,64}$/, 'identifiant d’espace');

/** Any space: where a post is written. */
export const SpaceRef = z.object({ type: SpaceType, id: SpaceId }).meta({ id: 'SpaceRef' });
export type SpaceRef = z.infer<typeof SpaceRef>;

/** A space where events happen, agendas are read and reports are counted. */
export const PartySpaceRef = z.object({ type: PartySpaceType, id: SpaceId }).meta({ id: 'Space' });
export type PartySpaceRef = z.infer<typeof PartySpaceRef>;
