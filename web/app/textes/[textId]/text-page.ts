import { routes, type SpaceType } from '@coopol/contracts';
import { t } from '../../../i18n';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, type Session } from '../../../lib/session';
import { namedSpace } from '../../../lib/space-name';
import { spaceTextsHref, textHref } from '../hrefs';

/** A text as its pages read it (the not-found page for one the reader may not see), its space named, and the breadcrumb to its space's texts. */
export async function readText(session: Session, here: string, textId: string) {
  const text = await orNotFound(callAsSignedIn(session, here, routes.getText, { params: { textId } }));
  const space = await namedSpace(session, here, text.space.type as SpaceType, text.space.id);
  const breadcrumb = [...(space.href ? [{ label: space.name, href: space.href }] : []), { label: t('texts.title'), href: spaceTextsHref(space.type, space.id) }];
  /** The breadcrumb of a page under the text's: through the text, to `label`. */
  const under = (label: string) => [...breadcrumb, { label: text.title, href: textHref(text.id) }, { label }];
  return { text, space, breadcrumb, under };
}
