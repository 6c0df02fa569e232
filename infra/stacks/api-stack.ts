import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { features, routeKey, type Feature } from '../../functions/src/contracts/route';
import { routes, type RouteName } from '../../functions/src/contracts/routes';
import { publicRouteReasons, routeThrottles } from '../api-limits';
import type { StageConfig } from '../config';
import { CoopolSetupError } from '../errors';
import { acknowledge } from '../nag';
import { CoopolFunction, type CoopolResources } from '../constructs/coopol-function';
import { featureAccess } from '../feature-access';
import { fromRepoRoot } from '../paths';

export interface ApiStackProps extends StackProps {
  resources: CoopolResources;
  config: Pick<StageConfig, 'apiThrottle' | 'logRetentionDays' | 'cognitoUserCreationRps'>;
}

/**
 * One line per request in the access log, by route key (`POST /api/unsubscribe/{token}`): never the
 * raw path, which may hold a token, nor the caller's address.
 */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    error: '$context.error.message',
  }),
);

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
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly functions: Record<Feature, CoopolFunction>;
  /** The key the site signs the browser's address with, for the API's per-client limits (client-of-event.ts). */
  readonly viewerKey: Secret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { userPool, userPoolClient } = props.resources;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Coopol API (served under /api/* by the web distribution)',
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.config.logRetentionDays.apiAccess as RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.config.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
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
    acknowledge(
      this.viewerKey,
      'AwsSolutions-SMG4',
      'the key is in CloudFront’s origin header and in every function’s configuration at deploy time: rotating it is a redeploy of the api and web stacks (OPERATIONS.md § Rotate the viewer key), not a rotation Lambda',
    );
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
          synchronous: 'invoked synchronously by API Gateway: a failure is the caller’s 5xx answer, nothing is queued',
          // Init loads DynamoDB's client only; the feature's module is imported on its first request (ADR 0008).
          lazy: true,
          ...featureSizing[feature],
        }),
      ]),
    ) as Record<Feature, CoopolFunction>;

    const integrations = Object.fromEntries(
      features.map((feature) => [feature, new HttpLambdaIntegration(`Integration-${feature}`, this.functions[feature].function)]),
    ) as Record<Feature, HttpLambdaIntegration>;

    const httpRoutes = [];
    for (const [name, route] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations[route.feature],
        authorizer: authorizers[route.auth],
      });
      httpRoutes.push(httpRoute!);
      const reason = publicRouteReasons[name];
      if (route.auth === 'public') {
        if (!reason) throw new CoopolSetupError(`public route ${name} (${routeKey(route)}): say why it needs no token in infra/api-limits.ts publicRouteReasons`);
        acknowledge(httpRoute!, 'AwsSolutions-APIG4', `${routeKey(route)} is public: ${reason}`);
      } else if (reason) {
        throw new CoopolSetupError(`route ${name} is jwt but listed in publicRouteReasons`);
      }
    }

    // Per-route throttles: API Gateway's RouteSettings, keyed by route key, which the L2 stage does not
    // expose (a raw CloudFormation map: its keys are written as CloudFormation spells them).
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      Object.entries(routeThrottles(props.config.cognitoUserCreationRps)).map(([name, limit]) => [
        routeKey(routes[name as RouteName]),
        { ThrottlingRateLimit: limit.rateLimit, ThrottlingBurstLimit: limit.burstLimit },
      ]),
    );
    // The stage's route settings name routes that must exist first.
    for (const httpRoute of httpRoutes) cfnStage.node.addDependency(httpRoute);

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }
}
