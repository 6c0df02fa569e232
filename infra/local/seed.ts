import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { localCredentials, localRegion } from './provision';
import { DEMO_PASSWORD, demoAccounts, demoMemberFile, demoPreregistrations, demoSections, demoWaves } from './demo-data';

/**
 * Seeds the reference geography and the demo data. Imports the domain lazily: its modules read
 * their configuration (table name, endpoints) from the environment at load, which the stack sets first.
 */
export async function seedTerritory(): Promise<{ geographyLoaded: boolean; sectionsCreated: number }> {
  const { seedReferenceData } = await import('../../functions/src/jobs/seed-reference-data');
  const { createSection } = await import('../../functions/src/domain/territory/service');
  const { loaded } = await seedReferenceData();
  let sectionsCreated = 0;
  for (const section of demoSections) {
    if (await createSection(section)) sectionsCreated += 1;
  }
  return { geographyLoaded: loaded, sectionsCreated };
}

/**
 * Demo rollout: a first wave, opened, for the demo sections' regions (the demo accounts sign up
 * there), and a draft wave with a few confirmed preregistrations waiting for it. Only on an empty table.
 */
export async function seedRollout(): Promise<void> {
  const { WaveEntity } = await import('../../functions/src/domain/rollout/entities');
  const { createWaveAs, openWave } = await import('../../functions/src/domain/rollout/waves');
  const { preregister, confirmPreregistration } = await import('../../functions/src/domain/rollout/preregistration');
  const { PreregistrationEntity } = await import('../../functions/src/domain/rollout/entities');
  const { data: existing } = await WaveEntity.query.all({}).go({ limit: 1 });
  if (existing.length) return;
  const [pilot, ...drafts] = demoWaves();
  const opened = await createWaveAs('system', pilot!);
  await openWave(opened.id);
  for (const draft of drafts) await createWaveAs('system', draft);
  for (const person of demoPreregistrations) {
    await preregister({ ...person, consent: true });
    const { data } = await PreregistrationEntity.get({ email: person.email }).go();
    if (data) await confirmPreregistration(data.token);
  }
}

/**
 * Demo people: the demo member file is imported, then each account signs up through the same
 * domain function as the API (password rules, pending registration, Cognito sign-up), is confirmed
 * (the PostConfirmation trigger creates the person), then gets its roles.
 * Safe to run again: whatever exists is left as it is.
 */
export async function seedDemoPeople(endpoint: string, userPoolId: string): Promise<void> {
  const { applyMemberFile } = await import('../../functions/src/domain/membership/member-file');
  const { signUp } = await import('../../functions/src/domain/identity/auth');
  const { ConflictError } = await import('../../functions/src/domain/errors');
  const { registerPerson } = await import('../../functions/src/domain/people/registration');
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { writeGrant } = await import('../../functions/src/domain/roles/service');

  await applyMemberFile(demoMemberFile());
  const client = new CognitoIdentityProviderClient({ endpoint, region: localRegion, credentials: localCredentials });
  for (const account of demoAccounts) {
    try {
      const { email, givenName, familyName, postalCode, memberNumber } = account;
      await signUp({ email, givenName, familyName, postalCode, memberNumber, password: DEMO_PASSWORD, consent: true });
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: account.email }));
      for (const group of account.groups) {
        await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: account.email, GroupName: group }));
      }
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // already seeded
    }
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: account.email }));
    const sub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
    // The PostConfirmation trigger normally does this; idempotent when it already did.
    await registerPerson(sub, account.email);
    for (const grant of account.grants) {
      const person = (await PersonEntity.get({ userId: sub }).go()).data!;
      if (!person.roles?.some((g) => g.role === grant.role && g.scopeId === grant.scopeId)) await writeGrant(person, grant, 'system');
    }
  }
  client.destroy();
}
