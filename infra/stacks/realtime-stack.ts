import { CfnOutput, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { CoopolFunction, type CoopolResources } from '../constructs/coopol-function';
import { acknowledge } from '../nag';
import { fromRepoRoot } from '../paths';

export interface RealtimeStackProps extends StackProps {
  resources: CoopolResources;
  config: Pick<StageConfig, 'logRetentionDays'>;
}

/** The stage's name in the WebSocket API's URL (`wss://<api>.execute-api.<region>.amazonaws.com/live`). */
export const realtimeStageName = 'live';

/** One line per connection, message and disconnection: never the query string (it holds the ticket). */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    eventType: '$context.eventType',
    status: '$context.status',
    connectionId: '$context.connectionId',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

/**
 * Stateless: the live channel (ADR 0029), an API Gateway WebSocket API. `$connect` goes through a
 * Lambda request authorizer that consumes the one-minute ticket of `?ticket=`; `$connect`,
 * `$disconnect` and `$default` (the ping, answered as a route response) are one small function.
 * Pushing is the `messaging-fanout` job's, with `execute-api:ManageConnections` on this stage only.
 */
export class RealtimeStack extends Stack {
  readonly webSocketApi: WebSocketApi;
  readonly stage: WebSocketStage;
  readonly functions: { authorizer: CoopolFunction; connections: CoopolFunction };
  /** What the other stacks' functions are given (CoopolResources.realtime). */
  readonly realtime: NonNullable<CoopolResources['realtime']>;

  constructor(scope: Construct, id: string, props: RealtimeStackProps) {
    super(scope, id, props);
    const synchronous = 'invoked synchronously by API Gateway’s WebSocket API: a failure refuses the connection or the frame, nothing is queued';
    this.functions = {
      authorizer: new CoopolFunction(this, 'Authorizer', {
        entry: fromRepoRoot('functions/src/realtime/authorizer.ts'),
        description: 'Coopol realtime: the $connect authorizer (single-use ticket)',
        access: { table: 'readwrite' },
        resources: props.resources,
        memorySize: 256,
        synchronous,
      }),
      connections: new CoopolFunction(this, 'Connections', {
        entry: fromRepoRoot('functions/src/realtime/connections.ts'),
        description: 'Coopol realtime: $connect, $disconnect and the ping',
        access: { table: 'readwrite' },
        resources: props.resources,
        memorySize: 256,
        synchronous,
      }),
    };
    const integration = new WebSocketLambdaIntegration('Connections', this.functions.connections.function);
    this.webSocketApi = new WebSocketApi(this, 'WebSocketApi', {
      apiName: `${id}-live`,
      description: 'Coopol live channel: messages, read markers and badges pushed to open tabs',
      connectRouteOptions: {
        integration,
        authorizer: new WebSocketLambdaAuthorizer('Ticket', this.functions.authorizer.function, { identitySource: ['route.request.querystring.ticket'] }),
      },
      disconnectRouteOptions: { integration },
      defaultRouteOptions: { integration, returnResponse: true },
    });
    // API Gateway authorizes a WebSocket at `$connect` only: the later frames and the disconnection
    // belong to the connection the ticket opened.
    for (const route of ['$disconnect', '$default']) {
      acknowledge(this.webSocketApi.node.findChild(`${route}-Route`), 'AwsSolutions-APIG4', `${route} runs on a connection its $connect authorized (the ticket); WebSocket APIs authorize at $connect only`);
    }
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.config.logRetentionDays.apiAccess as RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.webSocketApi,
      stageName: realtimeStageName,
      autoDeploy: true,
      // A client pings every 5 minutes; a tab sends nothing else: these are generous.
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    this.realtime = {
      url: this.stage.url,
      endpoint: this.stage.callbackUrl,
      // As other stacks read it (`Fn::GetStackOutput` of a named output): the push grant names it, and
      // its rule acknowledgment names that same value (coopol-function.ts), as for the files bucket.
      apiId: Fn.getStackOutput(this.stackName, 'WebSocketApiId', this.region),
      stageName: realtimeStageName,
    };
    new CfnOutput(this, 'RealtimeUrl', { value: this.stage.url });
    new CfnOutput(this, 'WebSocketApiId', { value: this.webSocketApi.apiId });
  }
}
