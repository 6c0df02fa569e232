import type { Space } from '../../contracts/events';
import type { SpacePlace } from '../access/policy';
import { NotFoundError } from '../errors';
import { getFederation, getSection } from '../territory/service';

/** A space where events happen, with what rules, mails and roll-ups need to know of it. */
export interface ResolvedSpace extends SpacePlace {
  name: string;
  /** « Section Mulhouse », « Fédération du Haut-Rhin » — the mail subject's prefix. */
  label: string;
  sectionId?: string;
  regionCode?: string;
}

/** The space named by a request (one GetItem for a section or federation), or 404 on `field`. */
export async function resolveSpace(space: Space, field: string): Promise<ResolvedSpace> {
  switch (space.type) {
    case 'section': {
      const section = await getSection(space.id).catch(() => {
        throw new NotFoundError('Section', field);
      });
      return {
        type: 'section',
        id: section.id,
        name: section.name,
        label: section.name,
        sectionId: section.id,
        federationCode: section.federationCode,
        regionCode: section.regionCode ?? undefined,
      };
    }
    case 'federation': {
      const federation = await getFederation(space.id).catch(() => {
        throw new NotFoundError('Fédération', field);
      });
      return {
        type: 'federation',
        id: federation.code,
        name: federation.name,
        label: federation.name,
        federationCode: federation.code,
        regionCode: federation.regionCode ?? undefined,
      };
    }
    case 'national':
      if (space.id !== 'national') throw new NotFoundError('Espace', field);
      return { type: 'national', id: 'national', name: 'National', label: 'Coopol national' };
    case 'group':
      // Groups come with issue 5; until then no group exists.
      throw new NotFoundError('Groupe', field);
  }
}
