import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { inventory, processings } from '../../functions/src/domain/privacy/inventory';
import { adrPath, adrWithTable } from '../../scripts/privacy-inventory';

const domainRoot = join(import.meta.dirname, '..', '..', 'functions', 'src');

/** Every ElectroDB entity declared in functions/src, found in the source: `feature/entity`. */
function entitiesInCode(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(domainRoot, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(join(domainRoot, file), 'utf8');
    const declared = source.split('new Entity(').length - 1;
    const names = [...source.matchAll(/model:\s*\{\s*service:\s*'coopol',\s*entity:\s*'(\w+)'/g)].map((m) => m[1]);
    // An entity written another way must not slip past the inventory.
    assert.equal(names.length, declared, `${file}: ${declared} entities declared, ${names.length} models read`);
    const parts = relative(domainRoot, join(domainRoot, file)).split(sep);
    const feature = parts[0] === 'domain' ? parts[1] : parts[0];
    for (const name of names) found.push(`${feature}/${name}`);
  }
  return found.sort();
}

test('every entity of the code has an export, erasure and retention rule, and every rule an entity', () => {
  const inCode = entitiesInCode();
  assert.ok(inCode.length >= 60, `only ${inCode.length} entities found: the scan is broken`);
  const ruled = inventory.map((rule) => `${rule.feature}/${rule.entity}`);
  assert.deepEqual(inCode.filter((e) => !ruled.includes(e)), [], 'entities without a rule in functions/src/domain/privacy/inventory.ts');
  assert.deepEqual(ruled.filter((e) => !inCode.includes(e)), [], 'rules for entities that no longer exist');
  assert.equal(new Set(ruled).size, ruled.length, 'one rule per entity');
});

test('the rules are coherent: nothing personal is « none », nothing impersonal is exported, every export names its owner', () => {
  for (const rule of inventory) {
    const name = `${rule.feature}/${rule.entity}`;
    assert.ok(rule.processing in processings, `${name}: unknown processing`);
    assert.equal(rule.data === 'none', rule.erasure === 'none', `${name}: erasure « none » is for impersonal data only`);
    if (rule.data === 'none') assert.equal(rule.export, 'exclude', `${name}: impersonal data is not exported`);
    assert.ok(rule.reason.length > 3 && rule.retention.length > 3, `${name}: reason and retention said`);
    // An archive holds the person's own items: each exported entity says which attribute names its owner.
    if (rule.export === 'include') assert.ok(rule.subject?.length, `${name}: exported, so its subject attributes are named`);
  }
});

test('ADR 0024 carries the inventory table as the module renders it', () => {
  const adr = readFileSync(adrPath, 'utf8');
  assert.equal(adr, adrWithTable(adr), 'run `npm run privacy:inventory` to regenerate the table');
});
