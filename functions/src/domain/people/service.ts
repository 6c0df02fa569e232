import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EntityItem } from 'electrodb';
import type * as z from 'zod';
import type { MyProfile, PhotoUploadRequest, ProfileField, PublicProfile, UpdateProfileRequest } from '../../contracts/identity';
import { mandateCodes, partyFunctionCodes } from '../../contracts/party-functions';
import { filesBucket, s3 } from '../../shared/files';
import type { Caller, Grant } from '../access/caller';
import { callerItem, factsOf } from '../access/load-caller';
import { defaultWritableBy } from '../access/rules/messaging';
import { readFederationMembers, readProfile, readSectionMembers } from '../access/member-lists';
import { mayOpenProfile, requirePerson, visibleFields, type ListAccess } from '../access/policy';
import { NotFoundError, ValidationError } from '../errors';
import { badCursor } from '../paging';
import { foldName } from '../territory/names';
import { getFederation, getSection, resolvePostalCode } from '../territory/service';
import { PersonEntity } from './entities';
import { MembershipChangeEntity, standingChanged } from './membership-history';

type PersonItem = EntityItem<typeof PersonEntity>;


async function photoUrlOf(item: PersonItem): Promise<string | null> {
  if (!item.photoKey) return null;
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: filesBucket, Key: item.photoKey }), { expiresIn: 3600 });
}

async function getPersonItem(userId: string): Promise<PersonItem> {
  const { data } = await PersonEntity.get({ userId }).go();
  if (!data) throw new NotFoundError('person.not-found', 'params.userId');
  return data;
}

/** The caller's own person item, as loaded with the caller (no second read). */
async function myItem(caller: Caller): Promise<PersonItem> {
  const item = await callerItem(requirePerson(caller));
  if (!item) throw new NotFoundError('person.not-found');
  return item;
}

/** My profile (no request beyond loading the caller). */
export async function getMyProfile(caller: Caller): Promise<MyProfile> {
  return toMyProfile(await myItem(caller));
}

async function toMyProfile(item: PersonItem): Promise<MyProfile> {
  return {
    userId: item.userId,
    email: item.email,
    givenName: item.givenName,
    familyName: item.familyName,
    status: item.status,
    memberNumber: item.memberNumber ?? null,
    sectionId: item.sectionId ?? null,
    sectionName: item.sectionName ?? null,
    federationCode: item.federationCode,
    federationName: item.federationName,
    functions: [...(item.functions ?? [])],
    mandates: [...(item.mandates ?? [])],
    otherFunction: item.otherFunction ?? null,
    interests: item.interests ?? [],
    photoUrl: await photoUrlOf(item),
    visibility: item.visibility,
    findableBy: item.findableBy ?? 'connections',
    writableBy: item.writableBy ?? defaultWritableBy,
    roles: (item.roles ?? []) as Grant[],
    mfaEnabled: item.mfaEnabled,
    onboarded: item.onboarded,
  };
}

/** Updates one's own profile; unknown function or mandate codes are refused, naming them. */
export async function updateMyProfile(caller: Caller, patch: UpdateProfileRequest): Promise<MyProfile> {
  const person = requirePerson(caller);
  const issues = [
    ...(patch.functions ?? []).filter((c) => !partyFunctionCodes.has(c)).map((c) => ({ field: 'body.functions', message: `fonction inconnue : ${c}` })),
    ...(patch.mandates ?? []).filter((c) => !mandateCodes.has(c)).map((c) => ({ field: 'body.mandates', message: `mandat inconnu : ${c}` })),
  ];
  if (patch.postalCode && person.status === 'adherent') {
    issues.push({ field: 'body.postalCode', message: 'la section d’un adhérent vient du fichier des adhérents' });
  }
  if (issues.length) throw new ValidationError(issues);

  const current = await myItem(caller);
  const changes: Partial<PersonItem> = {};
  if (patch.givenName) changes.givenName = patch.givenName;
  if (patch.familyName) changes.familyName = patch.familyName;
  if (patch.givenName || patch.familyName) {
    changes.sortName = foldName(`${patch.familyName ?? current.familyName} ${patch.givenName ?? current.givenName}`);
  }
  if (patch.functions) changes.functions = patch.functions;
  if (patch.mandates) changes.mandates = patch.mandates;
  if (patch.otherFunction !== undefined) changes.otherFunction = patch.otherFunction ?? undefined;
  if (patch.interests) changes.interests = patch.interests;
  if (patch.visibility) changes.visibility = { ...current.visibility, ...patch.visibility };
  if (patch.findableBy) changes.findableBy = patch.findableBy;
  if (patch.writableBy) changes.writableBy = patch.writableBy;
  if (patch.onboarded) changes.onboarded = true;
  if (patch.firstStepsDismissed) changes.firstStepsDismissed = true;
  if (patch.postalCode) {
    const commune = (await resolvePostalCode(patch.postalCode)).communes[0]!;
    Object.assign(changes, { postalCode: patch.postalCode, federationCode: commune.federation.code, federationName: commune.federation.name });
  }
  const { functions, mandates, otherFunction, ...rest } = changes;
  let update = PersonEntity.patch({ userId: person.userId }).set(rest);
  // DynamoDB sets cannot be empty: an emptied list of functions or mandates removes the attribute.
  const removals: ('functions' | 'mandates' | 'otherFunction')[] = [];
  if (functions?.length) update = update.set({ functions });
  else if (functions) removals.push('functions');
  if (mandates?.length) update = update.set({ mandates });
  else if (mandates) removals.push('mandates');
  if (otherFunction) update = update.set({ otherFunction });
  else if (patch.otherFunction !== undefined) removals.push('otherFunction');
  if (removals.length) update = update.remove(removals);
  const { data } = await update.go({ response: 'all_new' });
  const updated = data as PersonItem;
  if (standingChanged(current, updated)) {
    await MembershipChangeEntity.put({ userId: updated.userId, at: new Date().toISOString(), status: updated.status, sectionId: updated.sectionId, federationCode: updated.federationCode }).go();
  }
  return toMyProfile(updated);
}

async function toPublicProfile(viewer: Caller, item: PersonItem, access: ListAccess): Promise<PublicProfile> {
  return profileShowing(item, visibleFields(viewer, factsOf(item), access));
}

async function profileShowing(item: PersonItem, fields: Set<ProfileField>): Promise<PublicProfile> {
  return {
    userId: item.userId,
    givenName: item.givenName,
    familyName: item.familyName,
    ...(fields.has('membership') ? { status: item.status } : {}),
    ...(fields.has('section') ? { sectionId: item.sectionId ?? null, sectionName: item.sectionName ?? null } : {}),
    ...(fields.has('functions') ? { functions: [...(item.functions ?? [])], otherFunction: item.otherFunction ?? null } : {}),
    ...(fields.has('mandates') ? { mandates: [...(item.mandates ?? [])] } : {}),
    ...(fields.has('interests') ? { interests: item.interests ?? [] } : {}),
    ...(fields.has('photo') ? { photoUrl: await photoUrlOf(item) } : {}),
    ...(fields.has('email') ? { email: item.email } : {}),
  };
}

/** Someone's profile, showing only what its owner allows this caller to see. */
export async function getPublicProfile(caller: Caller, userId: string): Promise<PublicProfile> {
  mayOpenProfile(caller);
  const item = await getPersonItem(userId);
  return readProfile(caller, factsOf(item), (fields) => profileShowing(item, fields));
}

/**
 * Whether a person appears at all in a list: in `as-allowed` lists, appearing reveals membership,
 * so only those whose membership the viewer may see are listed.
 */
function listed(viewer: Caller, item: PersonItem, access: ListAccess): boolean {
  return access === 'full' || visibleFields(viewer, factsOf(item), access).has('membership');
}

/** A page of a section's members (GetItem section + one Query page), filtered by each person's choices. */
export async function listSectionMembers(caller: Caller, sectionId: string, page: { cursor?: string; limit: number }) {
  const section = await getSection(sectionId);
  return readSectionMembers(caller, { sectionId, federationCode: section.federationCode }, async (access) => {
    const result = await PersonEntity.query.bySection({ sectionId }).go({ cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
    const items = result.data.filter((item) => listed(caller, item, access));
    return { items: await Promise.all(items.map((item) => toPublicProfile(caller, item, access))), nextCursor: result.cursor ?? null };
  });
}

/** A page of a federation's members and supporters (GetItem federation + one Query page). */
export async function listFederationMembers(caller: Caller, federationCode: string, page: { cursor?: string; limit: number }) {
  await getFederation(federationCode);
  return readFederationMembers(caller, federationCode, async (access) => {
    const result = await PersonEntity.query
      .byFederation({ federationCode })
      .go({ cursor: page.cursor ?? null, limit: page.limit })
      .catch(badCursor(page.cursor));
    const items = result.data.filter((item) => listed(caller, item, access));
    return { items: await Promise.all(items.map((item) => toPublicProfile(caller, item, access))), nextCursor: result.cursor ?? null };
  });
}


const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** A presigned POST for one's photo: S3 itself refuses another type or a larger file. */
export async function createPhotoUpload(caller: Caller, request: z.infer<typeof PhotoUploadRequest>) {
  const person = requirePerson(caller);
  const key = `photos/${person.userId}/${Date.now()}`;
  const { url, fields } = await createPresignedPost(s3, {
    Bucket: filesBucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, PHOTO_MAX_BYTES],
      ['eq', '$Content-Type', request.contentType],
    ],
    Fields: { 'Content-Type': request.contentType },
    Expires: 600,
  });
  return { url, fields, key, maxBytes: PHOTO_MAX_BYTES };
}

const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Uses an uploaded photo: it must be the caller's own upload, of an image type, within the size limit. */
export async function confirmPhoto(caller: Caller, key: string): Promise<MyProfile> {
  const person = requirePerson(caller);
  if (!key.startsWith(`photos/${person.userId}/`)) throw new ValidationError([{ field: 'body.key', message: 'ce fichier n’est pas le vôtre' }]);
  const head = await s3.send(new HeadObjectCommand({ Bucket: filesBucket, Key: key })).catch(() => {
    throw new ValidationError([{ field: 'body.key', message: 'fichier introuvable : envoyez la photo d’abord' }]);
  });
  if (!photoTypes.has(head.ContentType ?? '') || (head.ContentLength ?? 0) > PHOTO_MAX_BYTES) {
    throw new ValidationError([{ field: 'body.key', message: 'photo JPEG, PNG ou WebP de 5 Mo au plus' }]);
  }
  const { data } = await PersonEntity.patch({ userId: person.userId }).set({ photoKey: key }).go({ response: 'all_new' });
  return toMyProfile(data as PersonItem);
}
