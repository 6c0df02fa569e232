import type { Section } from '@coopol/contracts';
import type { IconName } from '../ui/Icon';
import { t, type TextKey } from '../../i18n';

type SectionKind = Section['kind'];

const kindLabels: Record<SectionKind, TextKey> = {
  commune: 'section.kind.commune',
  quartier: 'section.kind.quartier',
  entreprise: 'section.kind.entreprise',
  etranger: 'section.kind.etranger',
};

const kindIcons: Record<SectionKind, IconName> = {
  commune: 'home',
  quartier: 'blocks',
  entreprise: 'briefcase',
  etranger: 'globe',
};

export function sectionKindLabel(kind: SectionKind): string {
  return t(kindLabels[kind]);
}

export function sectionKindIcon(kind: SectionKind): IconName {
  return kindIcons[kind];
}

/** The federation of members abroad has no département and no region. */
export const ABROAD_FEDERATION_CODE = '99';
