import { textRoutes as routes } from '../contracts/texts-routes';
import * as texts from '../domain/texts/service';
import { featureLambda, implement } from './kit/feature-lambda';

/** Texts written together (issue 17, ADR 0030): written and decided by who runs the space, amended by its members. */
export const handler = featureLambda('texts', [
  implement(routes.createText, async ({ caller, body }) => texts.createText(caller, body), { caller: true }),
  implement(routes.listSpaceTexts, async ({ caller, params, query }) => texts.listSpaceTexts(caller, { type: params.spaceType, id: params.spaceId }, query), { caller: true }),
  implement(routes.getText, async ({ caller, params }) => texts.getText(caller, params.textId), { caller: true }),
  implement(routes.updateText, async ({ caller, params, body }) => texts.updateText(caller, params.textId, body), { caller: true }),
  implement(routes.openText, async ({ caller, params, body }) => texts.openText(caller, params.textId, body.deadline), { caller: true }),
  implement(routes.closeText, async ({ caller, params }) => texts.closeText(caller, params.textId), { caller: true }),
  implement(routes.listTextVersions, async ({ caller, params }) => texts.listTextVersions(caller, params.textId), { caller: true }),
  implement(routes.publishTextVersion, async ({ caller, params, body }) => texts.publishTextVersion(caller, params.textId, body.from), { caller: true }),
  implement(routes.diffText, async ({ caller, params, query }) => texts.diffText(caller, params.textId, query.from, query.to), { caller: true }),
  implement(routes.proposeAmendment, async ({ caller, params, body }) => texts.proposeAmendment(caller, params.textId, body), { caller: true }),
  implement(routes.listAmendments, async ({ caller, params }) => texts.listAmendments(caller, params.textId), { caller: true }),
  implement(routes.acceptAmendment, async ({ caller, params, body }) => texts.decideAmendment(caller, params.textId, params.amendmentId, 'accepted', body.note), { caller: true }),
  implement(routes.rejectAmendment, async ({ caller, params, body }) => texts.decideAmendment(caller, params.textId, params.amendmentId, 'rejected', body.note), { caller: true }),
]);
