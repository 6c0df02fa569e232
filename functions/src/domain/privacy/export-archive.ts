import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { filesBucket, s3 } from '../../shared/files';
import { siteLink } from '../../shared/site';
import { html, type SafeHtml } from '../mail/html';
import { sendMail } from '../mail/send';
import { SweepTaskEntity } from './entities';
import { isSubjectOf, ruleOfItem } from './inventory';
import { durationText, retention } from './retention';
import { namesPerson, needlesOf, runSweep, type RawItem, type SweepTask } from './sweep';

/**
 * The export job's part (ADR 0024): the sweep keeps the person's own items of every entity the
 * inventory exports, a share at a time in the bucket (`exports/<id>/part-<seq>.json`); once the
 * table is done, one zip — `donnees.json`, a readable French `index.html`, the person's files under
 * `fichiers/` — replaces the shares, and a mail gives the Coopol link that hands out the download.
 * fflate builds the zip (ADR 0024: small, no dependencies, in memory, which an archive of one
 * person's data allows).
 */

const prefixOf = (task: SweepTask) => `exports/${task.sweepId}/`;
export const archiveKeyOf = (task: SweepTask) => `${prefixOf(task)}coopol-mes-donnees.zip`;

/** An item as the archive shows it: its attributes, without the table's keys and ElectroDB's marks. */
function readable(item: RawItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !/^(pk|sk|gsi\d+(pk|sk)|__edb_\w+)$/.test(k)));
}

export type Archive = Record<string, { label: string; items: Record<string, unknown>[] }>;

async function readBytes(key: string): Promise<Uint8Array | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: filesBucket, Key: key }));
    return await object.Body!.transformToByteArray();
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: filesBucket, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** Runs one share of an export's sweep; the last one builds the archive and mails its link. */
export async function runExport(task: SweepTask, remainingMs: () => number): Promise<void> {
  if (task.state !== 'running' || !task.userId || !task.email) return;
  const ids = [task.userId.toLowerCase(), task.email.toLowerCase()];
  const needles = needlesOf({ userId: task.userId, email: task.email, givenName: task.givenName ?? '', familyName: task.familyName ?? '' });
  const found: Archive = {};
  const outcome = await runSweep(
    task,
    async (item) => {
      if (!namesPerson(item, needles)) return false;
      const rule = ruleOfItem(item);
      if (!rule || rule.export !== 'include' || !isSubjectOf(rule, item, ids)) return false;
      const entry = (found[`${rule.feature}/${rule.entity}`] ??= { label: rule.label, items: [] });
      entry.items.push(readable(item));
      return true;
    },
    remainingMs,
  );
  await s3.send(new PutObjectCommand({ Bucket: filesBucket, Key: `${prefixOf(task)}part-${task.seq}.json`, Body: JSON.stringify(found), ContentType: 'application/json' }));
  if (outcome === 'handed-over') return;

  const parts = (await keysUnder(prefixOf(task))).filter((key) => /part-\d+\.json$/.test(key));
  const archive: Archive = {};
  for (const key of parts) {
    const share = JSON.parse(Buffer.from((await readBytes(key))!).toString('utf8')) as Archive;
    for (const [entity, { label, items }] of Object.entries(share)) (archive[entity] ??= { label, items: [] }).items.push(...items);
  }
  const files: Zippable = {};
  // Named for people: « <id>-photo », « <id>-tract.pdf » (the id keeps two files of one name apart).
  const fileKeys: [string, unknown][] = [
    ...(archive['people/person']?.items ?? []).map((p): [string, unknown] => [`${String(p.photoKey).split('/').pop()}-photo`, p.photoKey]),
    ...(archive['social/attachment']?.items ?? []).map((a): [string, unknown] => [`${String(a.attachmentId)}-${String(a.name).replace(/[/\\]/g, '_')}`, a.key]),
  ];
  for (const [name, key] of fileKeys) {
    const bytes = typeof key === 'string' ? await readBytes(key) : undefined;
    if (bytes) files[name] = bytes;
  }
  const generatedAt = new Date().toISOString();
  const zip = zipSync({
    'donnees.json': strToU8(JSON.stringify({ generatedAt, about: task.userId, data: archive }, null, 2)),
    'index.html': strToU8(archivePage(archive, generatedAt, Object.keys(files)).toString()),
    ...(Object.keys(files).length ? { fichiers: files } : {}),
  });
  const archiveKey = archiveKeyOf(task);
  await s3.send(new PutObjectCommand({ Bucket: filesBucket, Key: archiveKey, Body: zip, ContentType: 'application/zip' }));
  await s3.send(new DeleteObjectsCommand({ Bucket: filesBucket, Delete: { Objects: parts.map((Key) => ({ Key })), Quiet: true } }));
  await SweepTaskEntity.patch({ sweepId: task.sweepId, seq: task.seq }).set({ state: 'done', finishedAt: generatedAt, archiveKey }).go();
  await sendMail({
    to: task.email,
    template: 'export-ready',
    data: { givenName: task.givenName, url: siteLink('/profil/donnees', { archive: task.sweepId }), days: retention.exportArchive.seconds / 86400 },
    kind: 'transactional',
  });
}

const cell = (value: unknown): SafeHtml | string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? html`<code>${JSON.stringify(value)}</code>` : String(value);

/** The archive's page, in French, readable in any browser offline: one section per kind of data. */
export function archivePage(archive: Archive, generatedAt: string, files: string[]): SafeHtml {
  const sections = Object.entries(archive).map(
    ([entity, { label, items }]) => html`<section id="${entity}"><h2>${label} <small>(${items.length})</small></h2>${items.map(
      (item) => html`<dl>${Object.entries(item).map(([k, v]) => html`<dt>${k}</dt><dd>${cell(v)}</dd>`)}</dl>`,
    )}</section>`,
  );
  return html`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mes données sur Coopol</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:auto;padding:1rem;line-height:1.5}dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.25rem 1rem;border-top:1px solid #ccc;padding-top:.5rem;overflow-wrap:anywhere}dt{font-weight:600}code{white-space:pre-wrap}</style></head>
<body><h1>Mes données sur Coopol</h1><p>Tout ce que Coopol gardait sur vous le ${new Date(generatedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}. Le fichier <code>donnees.json</code> contient les mêmes données, lisibles par une machine. Cette archive reste téléchargeable ${durationText(retention.exportArchive.seconds)}.</p>
<nav><ul>${Object.entries(archive).map(([entity, { label }]) => html`<li><a href="#${entity}">${label}</a></li>`)}</ul></nav>
${sections}
<section><h2>Vos fichiers <small>(${files.length})</small></h2><ul>${files.map((name) => html`<li><a href="fichiers/${name}">${name}</a></li>`)}</ul></section>
</body></html>`;
}
