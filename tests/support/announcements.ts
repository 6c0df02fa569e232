import assert from 'node:assert/strict';
import { allMails } from './mail';
import type { TestStack } from './stack';

/** Waits until the event's announcement has `atLeast` tasks, all done; returns them. */
export async function announced(eventId: string, atLeast = 1, timeoutMs = 120_000) {
  const { announcementTasks } = await import('../../functions/src/domain/events/announcements');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await announcementTasks(eventId);
    if (tasks.length >= atLeast && tasks.every((t) => t.done)) return tasks;
    assert.ok(Date.now() < deadline, `announcement of ${eventId} not done: ${JSON.stringify(tasks)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** How many copies of the announcement titled `title` each address received (« [space] title — … »). */
export async function announcementCopies(stack: TestStack, title: string): Promise<Map<string, number>> {
  const copies = new Map<string, number>();
  for (const mail of (await allMails(stack)).filter((m) => m.subject.includes(`] ${title} — `))) {
    for (const to of mail.destination.to) copies.set(to, (copies.get(to) ?? 0) + 1);
  }
  return copies;
}
