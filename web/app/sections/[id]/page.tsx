import { routes, type Section } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { SpacePeople } from '../../../components/people/SpacePeople';
import { SpaceAccessLog } from '../../../components/privacy/SpaceAccessLog';
import { SpacePosts } from '../../../components/social/SpacePosts';
import { federationHref, regionHref, sectionHref } from '../../../components/territory/hrefs';
import { sectionKindIcon, sectionKindLabel } from '../../../components/territory/labels';
import { SectionList } from '../../../components/territory/SectionList';
import { TerritoryHeader } from '../../../components/territory/TerritoryHeader';
import type { Crumb } from '../../../components/ui/Breadcrumb';
import { Icon } from '../../../components/ui/Icon';
import { t } from '../../../i18n';
import { callApi } from '../../../lib/api';
import { orNotFound } from '../../../lib/or-not-found';
import { getSession } from '../../../lib/session';
import { SalonCard } from '../../../components/messaging/SalonCard';
import { agendaHref } from '../../evenements/hrefs';
import { SpaceActions } from '../../evenements/SpaceActions';
import { SpaceMailingsCard } from '../../messages-aux-membres/SpaceMailingsCard';
import { SpaceTextsCard } from '../../textes/SpaceTextsCard';
import events from '../../evenements/events.module.css';
import styles from './section.module.css';

export const dynamic = 'force-dynamic';

const NEIGHBOURS = 6;

type Props = { params: Promise<{ id: string }> };

const getSection = cache((sectionId: string) => orNotFound(callApi(routes.getSection, { params: { sectionId } })));

/** A few other sections of the same federation; the page stands without them if the call fails. */
async function otherSectionsOf(section: Section): Promise<Section[]> {
  try {
    const page = await callApi(routes.listFederationSections, {
      params: { federationCode: section.federationCode },
      query: { limit: NEIGHBOURS + 1 },
    });
    return page.items.filter((other) => other.id !== section.id).slice(0, NEIGHBOURS);
  } catch (error) {
    console.error(`Could not list the other sections of federation ${section.federationCode}`, error);
    return [];
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).id);
  return { title: section.name, description: section.description || undefined };
}

export default async function SectionPage({ params }: Props) {
  const section = await getSection((await params).id);
  const [others, session] = await Promise.all([otherSectionsOf(section), getSession()]);
  const paragraphs = section.description
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

  const breadcrumb: Crumb[] = [{ label: t('breadcrumb.territories'), href: '/territoires' }];
  if (section.regionCode && section.regionName) {
    breadcrumb.push({ label: section.regionName, href: regionHref(section.regionCode) });
  }
  breadcrumb.push({ label: section.federationName, href: federationHref(section.federationCode) });
  breadcrumb.push({ label: section.name });

  return (
    <>
      <TerritoryHeader
        breadcrumb={breadcrumb}
        icon={sectionKindIcon(section.kind)}
        eyebrow={sectionKindLabel(section.kind)}
        title={section.name}
      >
        {section.communeName && (
          <span className="chip chip-neutral">
            <Icon name="mapPin" size={16} />
            {section.communeName}
          </span>
        )}
        <Link href={federationHref(section.federationCode)} className="chip">
          <Icon name="landmark" size={16} />
          {section.federationName}
        </Link>
        <Link href={agendaHref('section', section.id)} className="chip">
          <Icon name="calendar" size={16} />
          {t('agenda.title')}
        </Link>
      </TerritoryHeader>

      <div className={`container ${styles.page}`}>
        {session && (
          <>
            <div className={events.columns}>
              <SpaceActions session={session} space={{ type: 'section', id: section.id }} returnTo={sectionHref(section.id)} />
            </div>
            <SpaceMailingsCard session={session} space={{ type: 'section', id: section.id }} returnTo={sectionHref(section.id)} />
            <SpaceTextsCard session={session} space={{ type: 'section', id: section.id }} returnTo={sectionHref(section.id)} />
            <SalonCard session={session} space={{ type: 'section', id: section.id }} back={sectionHref(section.id)} />
          </>
        )}
        <div className={paragraphs.length > 0 ? styles.columns : styles.single}>
          {paragraphs.length > 0 && (
            <section className={`card ${styles.about}`} aria-labelledby="about-title">
              <h2 id="about-title" className={styles.cardTitle}>
                {t('section.about')}
              </h2>
              {paragraphs.map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </section>
          )}

          <div className={styles.aside}>
            <section className={`card ${styles.facts}`} aria-labelledby="facts-title">
              <h2 id="facts-title" className={styles.cardTitle}>
                {t('section.facts')}
              </h2>
              <dl className={styles.factList}>
                <div>
                  <dt>{t('section.factKind')}</dt>
                  <dd>{sectionKindLabel(section.kind)}</dd>
                </div>
                {section.communeName && (
                  <div>
                    <dt>{t('section.factCommune')}</dt>
                    <dd>
                      {section.communeName}
                      {section.communeCode && (
                        <span className={styles.muted}> · {t('section.factCommuneCode', { code: section.communeCode })}</span>
                      )}
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('section.factFederation')}</dt>
                  <dd>
                    <Link href={federationHref(section.federationCode)}>{section.federationName}</Link>
                  </dd>
                </div>
                {section.regionCode && section.regionName && (
                  <div>
                    <dt>{t('section.factRegion')}</dt>
                    <dd>
                      <Link href={regionHref(section.regionCode)}>{section.regionName}</Link>
                    </dd>
                  </div>
                )}
              </dl>
            </section>
            <SpacePeople scope="section" id={section.id} pageHref={sectionHref(section.id)} />
            <SpaceAccessLog scope="section" id={section.id} />
          </div>
        </div>

        <SpacePosts spaceType="section" spaceId={section.id} back={sectionHref(section.id)} />

        {others.length > 0 && (
          <section aria-labelledby="others-title" className={styles.others}>
            <div className={styles.othersHead}>
              <h2 id="others-title">{t('section.othersHeading')}</h2>
              <Link href={federationHref(section.federationCode)} className="button button-secondary">
                {t('section.othersAll')}
                <Icon name="arrowRight" size={20} />
              </Link>
            </div>
            <SectionList sections={others} />
          </section>
        )}
      </div>
    </>
  );
}
