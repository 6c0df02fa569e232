import { Entity } from 'electrodb';
import { SpaceType } from '../../../contracts/spaces';
import { entityConfig } from '../../../shared/dynamodb';

/** Posts in a space, their comments and followers, the files attached to them. */

/** Where a post lives: any space (contracts/spaces.ts). */
export const spaceTypes = SpaceType.options;

/** The files a post or a message holds, described where they are so that a page shows them without reading attachments. */
export const attachedFiles = {
  type: 'list',
  items: {
    type: 'map',
    properties: {
      attachmentId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      contentType: { type: 'string', required: true },
      size: { type: 'number', required: true },
      alt: { type: 'string' },
    },
  },
} as const;

/**
 * A post in a space. `spaceKey` is `type:id` (`section:mulhouse`, `group:…`, `profile:<userId>`,
 * `federation:68`, `national:national`); `text` is the author's source, `html` its safe rendering.
 */
export const PostEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'post', version: '1' },
    attributes: {
      postId: { type: 'string', required: true },
      spaceKey: { type: 'string', required: true },
      spaceType: { type: spaceTypes, required: true },
      spaceId: { type: 'string', required: true },
      /** The federation of a section space (rules about officials above it). */
      spaceFederation: { type: 'string' },
      /** The space's name when the post was written (« dans Soignantes et soignants »). */
      spaceName: { type: 'string' },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      text: { type: 'string', required: true },
      html: { type: 'string', required: true },
      /** The people it names, as the notifications job resolved them (rendered as links; ADR 0012). */
      mentions: { type: 'list', items: { type: 'map', properties: { folded: { type: 'string', required: true }, userId: { type: 'string', required: true } } } },
      /** Accent-free lower-case words of the text, for search. */
      searchText: { type: 'string', required: true },
      link: {
        type: 'map',
        properties: {
          url: { type: 'string', required: true },
          title: { type: 'string' },
          description: { type: 'string' },
          image: { type: 'string' },
        },
      },
      embed: {
        type: 'map',
        properties: {
          provider: { type: 'string', required: true },
          url: { type: 'string', required: true },
          embedUrl: { type: 'string', required: true },
        },
      },
      /** The post's files. */
      attachments: attachedFiles,
      createdAt: { type: 'string', required: true },
      editedAt: { type: 'string' },
      hidden: { type: 'boolean', required: true, default: false },
      hiddenBy: { type: 'string' },
      commentCount: { type: 'number', required: true, default: 0 },
      /** The newest comment, copied here so that a feed page shows it without reading comments. */
      lastComment: {
        type: 'map',
        properties: {
          /** Which comment this is a copy of (absent on copies made before hiding and deleting followed it). */
          commentId: { type: 'string' },
          authorName: { type: 'string', required: true },
          html: { type: 'string', required: true },
          createdAt: { type: 'string', required: true },
        },
      },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['postId'] }, sk: { field: 'sk', composite: [] } },
      // A space's posts, newest first (S7); also the read-time part of feeds (federation, national).
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'postId'] } },
      // A person's posts, newest first (S24): whether they have posted yet (« Premiers pas »).
      byAuthor: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['authorId'] }, sk: { field: 'gsi2sk', composite: ['createdAt', 'postId'] } },
    },
  },
  entityConfig,
);

/** A comment on a post, in order (S9). */
export const CommentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'comment', version: '1' },
    attributes: {
      postId: { type: 'string', required: true },
      commentId: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      text: { type: 'string', required: true },
      html: { type: 'string', required: true },
      /** The people it names, as the notifications job resolved them (rendered as links; ADR 0012). */
      mentions: { type: 'list', items: { type: 'map', properties: { folded: { type: 'string', required: true }, userId: { type: 'string', required: true } } } },
      hidden: { type: 'boolean', required: true, default: false },
      /** A reply: the comment it answers (one level: replies to a reply answer its comment). */
      parentId: { type: 'string' },
      editedAt: { type: 'string' },
    },
    indexes: {
      byPost: { pk: { field: 'pk', composite: ['postId'] }, sk: { field: 'sk', composite: ['createdAt', 'commentId'] } },
    },
  },
  entityConfig,
);

/** Someone following a post's conversation (S10): its author, commenters, whoever chose to. */
export const PostFollowerEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'postFollower', version: '1' },
    attributes: {
      postId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      byPost: { pk: { field: 'pk', composite: ['postId'] }, sk: { field: 'sk', composite: ['userId'] } },
    },
  },
  entityConfig,
);

export const attachmentStates = ['pending', 'ready', 'attached'] as const;

/**
 * A file someone uploads to attach to a post (S21): `pending` until the server has checked the
 * object arrived with the declared type and size, `ready` once moved out of `uploads/pending/`,
 * `attached` once a post of its uploader references it. Unattached records expire (`expiresAt`, TTL).
 */
export const AttachmentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'attachment', version: '1' },
    attributes: {
      attachmentId: { type: 'string', required: true },
      ownerId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      contentType: { type: 'string', required: true },
      size: { type: 'number', required: true },
      alt: { type: 'string' },
      state: { type: attachmentStates, required: true },
      /** Where the object is in the files bucket. */
      key: { type: 'string', required: true },
      /** Where it is attached: a post, a conversation's message, or a space's document. */
      postId: { type: 'string' },
      conversationId: { type: 'string' },
      messageId: { type: 'string' },
      documentId: { type: 'string' },
      createdAt: { type: 'string', required: true },
      expiresAt: { type: 'number' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['attachmentId'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  entityConfig,
);
