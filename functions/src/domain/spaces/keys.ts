import type { SpaceRef } from '../../contracts/spaces';

/** `section:mulhouse`, `group:…`: the key of « something in a space » (docs/ACCESS_PATTERNS.md). Alone here so that small routes need not carry the space resolver. */
export const spaceKeyOf = (space: SpaceRef) => `${space.type}:${space.id}`;
