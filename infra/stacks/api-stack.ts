import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpNoneAuthorizer, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { features, type Feature } from '../../functions/src/contracts/route';
import { routeList } from '../../functions/src/contracts/routes';
import { CoopolFunction, type CoopolResources } from '../constructs/coopol-function';
import { featureAccess } from '../feature-access';
import { fromRepoRoot } from '../paths';

export interface ApiStackProps extends StackProps {
  resources: CoopolResources;
}

/**
 * Stateless: the HTTP API. One Lambda per feature (`functions/src/http/<feature>.ts`, routed
 * inside), and one API Gateway route per entry of the contracts' `routeList` — the same list the
 * local gateway serves. `jwt` routes go through the Cognito JWT authorizer; `public` ones don't.
 */
/**
 * Features whose work is larger than a page: the member file import reads and writes a whole file
 * (50,000 rows: bench/member-import.ts), so it gets more memory and API Gateway's whole time budget.
 */
const featureSizing: Partial<Record<Feature, { memorySize: number; timeout: Duration }>> = {
  membership: { memorySize: 1024, timeout: Duration.seconds(29) },
};

export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly functions: Record<Feature, CoopolFunction>;
  /** The key the site signs the browser's address with, for the API's per-client limits (client-of-event.ts). */
  readonly viewerKey: Secret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { userPool, userPoolClient } = props.resources;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Coopol API (served under /api/* by the web distribution)',
    });

    const jwtAuthorizer = new HttpJwtAuthorizer(
      'CognitoJwt',
      `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`,
      { jwtAudience: [userPoolClient.userPoolClientId], identitySource: ['$request.header.Authorization'] },
    );
    const authorizers: Record<'public' | 'jwt', IHttpRouteAuthorizer> = {
      public: new HttpNoneAuthorizer(),
      jwt: jwtAuthorizer,
    };

    this.viewerKey = new Secret(this, 'ViewerKey', {
      description: 'Coopol: the key the site signs the browser address with, for the API per-client limits',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    // A deploy-time reference: the value is in the functions' configuration, never in the template.
    const viewerKey = this.viewerKey.secretValue.unsafeUnwrap();

    this.functions = Object.fromEntries(
      features.map((feature) => [
        feature,
        new CoopolFunction(this, `Feature-${feature}`, {
          entry: fromRepoRoot('functions/src/http', `${feature}.ts`),
          description: `Coopol API: ${feature}`,
          access: featureAccess[feature],
          resources: props.resources,
          environment: { COOPOL_VIEWER_KEY: viewerKey },
          ...featureSizing[feature],
        }),
      ]),
    ) as Record<Feature, CoopolFunction>;

    const integrations = Object.fromEntries(
      features.map((feature) => [feature, new HttpLambdaIntegration(`Integration-${feature}`, this.functions[feature].function)]),
    ) as Record<Feature, HttpLambdaIntegration>;

    for (const route of routeList) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations[route.feature],
        authorizer: authorizers[route.auth],
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }
}
