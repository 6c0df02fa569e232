import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { localCredentials, localRegion } from './provision';
import { DEMO_PASSWORD, demoAccounts, demoSections } from './demo-data';

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

/** Demo accounts in cognito-local: signed up, confirmed, in their groups. Existing ones are left as they are. */
export async function seedDemoAccounts(endpoint: string, userPoolId: string, clientId: string): Promise<void> {
  const client = new CognitoIdentityProviderClient({ endpoint, region: localRegion, credentials: localCredentials });
  for (const account of demoAccounts) {
    try {
      await client.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: account.email,
          Password: DEMO_PASSWORD,
          UserAttributes: [
            { Name: 'email', Value: account.email },
            { Name: 'given_name', Value: account.givenName },
            { Name: 'family_name', Value: account.familyName },
          ],
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'UsernameExistsException') continue;
      throw error;
    }
    await client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: account.email }));
    for (const group of account.groups) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: account.email, GroupName: group }));
    }
  }
  client.destroy();
}
