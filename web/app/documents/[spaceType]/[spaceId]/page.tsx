import { formatParisDateTime, routes, type SpaceDocument } from '@coopol/contracts';
import type { Metadata } from 'next';
import type { z } from 'zod';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { isRefusal, orRefused, Refused } from '../../../../components/rollout/Refused';
import rollout from '../../../../components/rollout/rollout.module.css';
import { fileSize } from '../../../../components/social/file-size';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { Icon } from '../../../../components/ui/Icon';
import { t, tc } from '../../../../i18n';
import { orNotFound } from '../../../../lib/or-not-found';
import { param, type SearchParams } from '../../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import { namedSpace } from '../../../../lib/space-name';
import { removeDocument } from '../../actions';
import styles from '../../documents.module.css';
import { documentsHref, fileHref } from '../../hrefs';
import { ShareForm } from '../../ShareForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('documents.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string }>; searchParams: SearchParams };
type Doc = z.output<typeof SpaceDocument>;

/** The documents by folder, folders in alphabetical order and those at the top first. */
function byFolder(items: Doc[]): [string, Doc[]][] {
  const folders = new Map<string, Doc[]>();
  for (const doc of items) folders.set(doc.folder, [...(folders.get(doc.folder) ?? []), doc]);
  return [...folders.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'fr')));
}

/** A space's shared documents: its storage, « Partager des documents » for its members, the files by folder. */
export default async function DocumentsPage({ params, searchParams }: Props) {
  const { spaceType, spaceId } = await params;
  const query = await searchParams;
  const here = documentsHref(spaceType, spaceId);
  const session = await requireSession(here);
  const space = await namedSpace(session, here, spaceType, spaceId);
  const ref = { spaceType: space.type as 'section', spaceId: space.id };
  const answer = await orRefused(session, here, () => orNotFound(callAsSignedIn(session, here, routes.listSpaceDocuments, { params: ref, query: { limit: 100 } })));
  if (isRefusal(answer)) return <Refused refusal={answer} />;
  const shared = Number(param(query, 'partage') ?? 0);
  const removed = param(query, 'retire');
  const folders = byFolder(answer.items);
  const { usedBytes, quotaBytes } = answer.storage;

  return (
    <>
      <TerritoryHeader
        breadcrumb={[...(space.href ? [{ label: space.name, href: space.href }] : []), { label: t('documents.title') }]}
        icon="download"
        eyebrow={t('documents.eyebrow')}
        title={space.name}
        lead={t('documents.lead')}
      />
      <div className={`container ${rollout.page}`}>
        {(shared > 0 || removed) && (
          <p role="status" className="notice-success">
            <Icon name="check" size={22} />
            <span>{shared > 0 ? tc('documents.notice.shared', shared) : t('documents.notice.removed')}</span>
          </p>
        )}
        {answer.mayShare && (
          <section className={`card ${rollout.panel}`} aria-labelledby="documents-share">
            <div className={rollout.panelHead}>
              <h2 id="documents-share">{t('documents.share.heading')}</h2>
              <p>{t('documents.share.lead')}</p>
            </div>
            <div className={styles.storage}>
              <label htmlFor="documents-storage">{t('documents.storage', { used: fileSize(usedBytes), quota: fileSize(quotaBytes) })}</label>
              <progress id="documents-storage" max={quotaBytes} value={usedBytes} />
            </div>
            <ShareForm space={space} folders={folders.map(([folder]) => folder).filter(Boolean)} />
          </section>
        )}
        <section className={`card ${rollout.panel}`} aria-labelledby="documents-list">
          <div className={rollout.panelHead}>
            <h2 id="documents-list">{t('documents.listHeading')}</h2>
            {answer.nextCursor && <p>{t('documents.more')}</p>}
          </div>
          {answer.items.length === 0 ? (
            <p className={rollout.muted}>{t('documents.none')}</p>
          ) : (
            folders.map(([folder, docs]) => (
              <section key={folder} className={styles.folder} aria-label={folder || t('documents.topFolder')}>
                <h3>{folder || t('documents.topFolder')}</h3>
                <ul className={styles.documents}>
                  {docs.map((doc) => (
                    <li key={doc.id} className={styles.document} data-document={doc.id}>
                      <div className={styles.documentTop}>
                        <a href={fileHref(doc.file.id)} className={styles.name} download={doc.file.kind === 'document' ? doc.file.name : undefined}>
                          {doc.file.name}
                        </a>
                        <span className={styles.meta}>{fileSize(doc.file.size)}</span>
                      </div>
                      {doc.description && <p className={styles.description}>{doc.description}</p>}
                      <p className={styles.meta}>{t('documents.by', { name: doc.uploader.displayName, date: formatParisDateTime(doc.createdAt) })}</p>
                      {doc.mayRemove && (
                        <ActionForm action={removeDocument}>
                          <Hidden name="spaceType" value={space.type} />
                          <Hidden name="spaceId" value={space.id} />
                          <Hidden name="documentId" value={doc.id} />
                          <SubmitButton secondary>
                            {t('documents.remove')}
                            <span className="visually-hidden"> {doc.file.name}</span>
                          </SubmitButton>
                        </ActionForm>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </section>
      </div>
    </>
  );
}
