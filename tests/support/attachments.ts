import assert from 'node:assert/strict';
import { call, type TestPerson } from './people';
import type { TestStack } from './stack';

/** A real 1×1 PNG: its bytes pass the server's signature check. */
export const tinyPng = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5d1f30000000049454e44ae426082',
  'hex',
);

/** Sends a file through the API's presigned form, as the browser does; returns the S3 answer. */
export async function sendToForm(upload: { url: string; fields: Record<string, string> }, bytes: Buffer, type: string, name = 'fichier') {
  const form = new FormData();
  for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(upload.url, { method: 'POST', body: form });
}

/** Asks for the form, sends the file, has the server check it: the attachment's id, ready for a post. */
export async function uploadAttachment(stack: TestStack, person: TestPerson, file: { name: string; contentType: string; bytes: Buffer; alt?: string }): Promise<string> {
  const asked = await call(stack, person, 'POST', '/api/attachments', { name: file.name, contentType: file.contentType, size: file.bytes.length, ...(file.alt && { alt: file.alt }) });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  const upload = asked.body as unknown as { attachment: { id: string }; url: string; fields: Record<string, string> };
  const stored = await sendToForm(upload, file.bytes, file.contentType, file.name);
  assert.ok(stored.status < 300, `S3 answered ${stored.status}: ${await stored.text()}`);
  const confirmed = await call(stack, person, 'POST', `/api/attachments/${upload.attachment.id}/confirm`);
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  return upload.attachment.id;
}
