import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { isRefusal, orRefused, Refused } from '../../../../../components/rollout/Refused';
import rollout from '../../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../../components/territory/TerritoryHeader';
import { t } from '../../../../../i18n';
import { orNotFound } from '../../../../../lib/or-not-found';
import { param, type SearchParams } from '../../../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../../../lib/session';
import { mailingsHref, newMailingHref } from '../../../hrefs';
import type { MailingFormValues } from '../../../mailing-fields';
import { MailingForm } from '../../../MailingForm';
import { writingSpace, type Mailing } from '../../../space';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('mailings.new.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string }>; searchParams: SearchParams };

/** An earlier message, or the draft being rewritten, as the composer's starting values. */
function valuesOf(m: Mailing): MailingFormValues {
  const s = m.segment;
  const months = s?.volunteersWithinMonths ?? s?.excludeVolunteersWithinMonths;
  return {
    subject: m.subject,
    text: m.text,
    eventId: m.eventId ?? '',
    audience: s ? 'part' : 'all',
    postInSpace: m.postInSpace ? 'on' : '',
    'segment.status': s?.status ?? 'both',
    'segment.interests': s?.interests?.join(', ') ?? '',
    volunteers: s?.volunteersWithinMonths ? 'only' : s?.excludeVolunteersWithinMonths ? 'except' : '',
    'segment.months': String(months ?? 3),
    'segment.inactiveForMonths': s?.inactiveForMonths ? String(s.inactiveForMonths) : '',
    'segment.excludeEventId': s?.excludeEventId ?? '',
    replyTo: m.replyTo,
  };
}

/** The composer of a space's message to its people, for whoever speaks for the space (the API decides: others are told why). */
export default async function NewMailingPage({ params, searchParams }: Props) {
  const { spaceType, spaceId } = await params;
  const query = await searchParams;
  // « Modifier »: one's own draft, rewritten in place; « Repartir de ce message »: a new draft from an earlier one.
  const editId = param(query, 'modifier');
  const fromId = editId ?? param(query, 'depuis');
  const here = newMailingHref(spaceType, spaceId);
  const session = await requireSession(here);
  const space = await writingSpace(session, here, spaceType, spaceId);
  const ref = { spaceType: space.type, spaceId: space.id };
  const answer = await orRefused(session, here, () =>
    Promise.all([
      // Who may speak for the space may list its messages: the others are refused here, before writing.
      callAsSignedIn(session, here, routes.listMailings, { params: ref }),
      callAsSignedIn(session, here, routes.listSpaceAgenda, { params: ref, query: { limit: 50 } }).catch(() => null),
      callAsSignedIn(session, here, routes.getMyProfile, {}),
      fromId ? orNotFound(callAsSignedIn(session, here, routes.getMailing, { params: { ...ref, mailingId: fromId } })) : null,
    ]),
  );
  if (isRefusal(answer)) return <Refused refusal={answer} />;
  const [, agenda, profile, from] = answer;
  const editing = editId && from?.state === 'draft' && from.authorId === profile.userId ? from : undefined;
  // The space's own coming actions: the ones a message may promote, or leave out the people of.
  const events = (agenda?.items ?? []).filter((e) => e.status === 'published' && e.space.type === space.type && e.space.id === space.id);

  return (
    <>
      <TerritoryHeader
        breadcrumb={[
          ...(space.href ? [{ label: space.name, href: space.href }] : []),
          { label: t('mailings.title'), href: mailingsHref(space.type, space.id) },
          { label: editing ? t('mailings.edit.title') : t('mailings.new.title') },
        ]}
        icon="megaphone"
        eyebrow={t('mailings.eyebrow')}
        title={editing ? t('mailings.edit.heading') : t('mailings.new.heading')}
        lead={t('mailings.new.lead')}
      />
      <div className={`container ${rollout.page}`}>
        <section className={`card ${rollout.panel}`} aria-labelledby="mailing-new-title">
          <div className={rollout.panelHead}>
            <h2 id="mailing-new-title">{space.name}</h2>
            {from && !editing && <p>{t('mailings.new.from', { subject: from.subject })}</p>}
          </div>
          <MailingForm space={space} events={events} myEmail={profile.email || null} from={from ? valuesOf(from) : undefined} editing={editing?.id} />
        </section>
      </div>
    </>
  );
}
