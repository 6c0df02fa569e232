import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { isRefusal, orRefused, Refused } from '../../../../../../components/rollout/Refused';
import rollout from '../../../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../../../components/territory/TerritoryHeader';
import { t } from '../../../../../../i18n';
import { orNotFound } from '../../../../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../../../../lib/session';
import { namedSpace } from '../../../../../../lib/space-name';
import { newTextHref, spaceTextsHref } from '../../../../hrefs';
import { TextForm } from '../../../../TextForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.new.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string }> };

/** A new text in the space, for who runs it (the API decides; an official without TOTP is told what to do). */
export default async function NewTextPage({ params }: Props) {
  const { spaceType, spaceId } = await params;
  const here = newTextHref(spaceType, spaceId);
  const session = await requireSession(here);
  const space = await namedSpace(session, here, spaceType, spaceId);
  const answer = await orRefused(session, here, () =>
    orNotFound(callAsSignedIn(session, here, routes.listSpaceTexts, { params: { spaceType: space.type as 'section', spaceId: space.id }, query: { limit: 1 } })),
  );
  if (isRefusal(answer)) return <Refused refusal={answer} />;

  return (
    <>
      <TerritoryHeader
        breadcrumb={[
          ...(space.href ? [{ label: space.name, href: space.href }] : []),
          { label: t('texts.title'), href: spaceTextsHref(space.type, space.id) },
          { label: t('texts.new.title') },
        ]}
        icon="fileText"
        eyebrow={space.name}
        title={t('texts.new.heading')}
        lead={t('texts.new.lead')}
      />
      <div className={`container ${rollout.page}`}>
        <section className={`card ${rollout.panel}`} aria-labelledby="text-form-title">
          <div className={rollout.panelHead}>
            <h2 id="text-form-title">{space.name}</h2>
          </div>
          <TextForm space={space} />
        </section>
      </div>
    </>
  );
}
