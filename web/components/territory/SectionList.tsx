import type { Section } from '@coopol/contracts';
import { LinkCard } from '../ui/LinkCard';
import gridStyles from './grids.module.css';
import { sectionHref } from './hrefs';
import { sectionKindIcon, sectionKindLabel } from './labels';

/** Sections as cards: name, kind, commune and the start of their description. */
export function SectionList({ sections }: { sections: Section[] }) {
  return (
    <ul className={gridStyles.gridWide}>
      {sections.map((section) => (
        <li key={section.id}>
          <LinkCard
            href={sectionHref(section.id)}
            title={section.name}
            icon={sectionKindIcon(section.kind)}
            meta={[sectionKindLabel(section.kind), section.communeName].filter(Boolean).join(' · ')}
          >
            {section.description || undefined}
          </LinkCard>
        </li>
      ))}
    </ul>
  );
}
