/**
 * cognito-local 5.3, started as its `lib/bin/start.js` does (`createDefaultServer` in
 * `lib/server/defaults.js`), with these changes so that it behaves like Coopol's user pool in AWS:
 *
 * - **mail goes through SES**: in AWS the user pool sends its mails with SES (`UserPoolEmail.withSES`),
 *   with the subject and HTML of our CustomMessage trigger. cognito-local only prints codes on its
 *   console; here a MessageSender sends them with SES v2 to the SES emulator, so they show in the
 *   mail viewer like every other mail;
 * - **GlobalSignOut and AdminUserGlobalSignOut**, which it lacks too: the user's refresh tokens are
 *   revoked (AWS also stops their access tokens working for Cognito's own API; Coopol's API refuses
 *   them through its « sessions valid after » instead);
 * - **a sign-in finished with the TOTP code can be refreshed**, as in AWS: cognito-local's
 *   RespondToAuthChallenge forgets to keep the refresh token it hands out;
 * - **request quotas, as in AWS**: Cognito counts requests per category (UserCreation: SignUp,
 *   ConfirmSignUp, AdminCreateUser, AdminConfirmSignUp) and answers TooManyRequestsException past its
 *   rate. None by default here; the local-only target `CoopolSetRequestQuota` sets one at run time
 *   (`{ category, perSecond }`, or `{ category, refuseNext }` to refuse the next calls), for tests
 *   and launch-day rehearsals;
 * - **tokens that say which session they belong to, as in AWS**: a refresh keeps the `auth_time` of
 *   the sign-in (cognito-local sets it to the time of each refresh, so a refreshed token would look
 *   freshly authenticated), and every token carries the session's `origin_jti` (cognito-local has none).
 *
 * Run by `startCognitoLocal` (emulators.ts) with the data folder as working directory (cognito-local
 * reads `.cognito/config.json` there, written by stack.ts with the Lambda endpoint and the triggers)
 * and the SES settings in COGNITO_SES_ENDPOINT, COGNITO_MAIL_FROM, COGNITO_MAIL_CONFIGURATION_SET.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { loadConfig } from 'cognito-local/lib/server/config';
import { Router } from 'cognito-local/lib/server/Router';
import { createServer } from 'cognito-local/lib/server/server';
import { CognitoError, InvalidParameterError, UserNotFoundError } from 'cognito-local/lib/errors';
import type { Context } from 'cognito-local/lib/services/context';
import { DateClock, LambdaService, MessagesService, TriggersService, type Services, type Triggers } from 'cognito-local/lib/services';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import { CryptoService } from 'cognito-local/lib/services/crypto';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';

// cognito-local's own dependencies, as it resolves them (they are not Coopol's).
const cognitoRequire = createRequire(createRequire(import.meta.url).resolve('cognito-local/package.json'));
const AWS = cognitoRequire('aws-sdk') as typeof import('aws-sdk');
const pino = cognitoRequire('pino') as typeof import('pino').default;
const pinoPretty = cognitoRequire('pino-pretty') as typeof import('pino-pretty').default;
const jwt = cognitoRequire('jsonwebtoken') as {
  decode(token: string): Record<string, unknown> | null;
  sign(payload: object, key: string, options: { algorithm: 'RS256'; keyid: string }): string;
};
const signingKey = (cognitoRequire('./lib/keys/cognitoLocal.private.json') as { pem: string }).pem;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`cognito-server: ${name} is not set`);
  return value;
}

const mail = {
  endpoint: required('COGNITO_SES_ENDPOINT'),
  from: required('COGNITO_MAIL_FROM'),
  configurationSet: required('COGNITO_MAIL_CONFIGURATION_SET'),
};

const logger = pino(
  { level: process.env.DEBUG ? 'debug' : 'info' },
  pinoPretty({
    colorize: false,
    ignore: 'pid,name,hostname',
    singleLine: true,
    messageFormat: (log, messageKey) => `${String(log.reqId ?? 'NONE')} ${String(log.target ?? 'NONE')} ${String(log[messageKey])}`,
  }),
);

/** What the user pool sends through SES in AWS: our trigger's subject and HTML, to the user's address. */
class SesMessageSender implements MessageSender {
  private readonly ses = new SESv2Client({ endpoint: mail.endpoint, region: process.env.AWS_REGION ?? 'eu-west-3' });

  async sendEmail(...[, user, destination, message]: Parameters<MessageSender['sendEmail']>): Promise<void> {
    let subject = message.emailSubject;
    let body = message.emailMessage;
    if (!subject || !body) {
      // No custom message for this source (or the trigger failed, which cognito-local only logs):
      // AWS would send the pool's default message; this one says so.
      logger.warn({ user: user.Username }, 'no CustomMessage text: sending the default message');
      subject = 'Coopol : votre code';
      body = `Votre code : ${message.__code ?? ''} (message par défaut : le déclencheur CustomMessage n’a pas fourni de texte)`;
    }
    await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: mail.from,
        Destination: { ToAddresses: [destination] },
        ConfigurationSetName: mail.configurationSet,
        Content: { Simple: { Subject: { Data: subject, Charset: 'UTF-8' }, Body: { Html: { Data: body, Charset: 'UTF-8' } } } },
      }),
    );
  }

  async sendSms(...[, user, destination]: Parameters<MessageSender['sendSms']>): Promise<void> {
    // The pool sends no SMS (TOTP only, no phone numbers).
    logger.warn({ user: user.Username, destination }, 'SMS not supported by the local stack');
  }
}

/** The session a refresh continues: the sign-in's time and the refresh token's id (AWS's `origin_jti`). */
const continuedSession = new AsyncLocalStorage<{ authTime: number; originJti: string }>();

/** cognito-local's tokens with AWS's session claims: `origin_jti`, and `auth_time` kept across refreshes. */
class SessionAwareTokenGenerator extends JwtTokenGenerator {
  override async generate(...args: Parameters<JwtTokenGenerator['generate']>): ReturnType<JwtTokenGenerator['generate']> {
    const tokens = await super.generate(...args);
    const refresh = jwt.decode(tokens.RefreshToken) ?? {};
    const session = continuedSession.getStore() ?? { authTime: Number(refresh.iat), originJti: String(refresh.jti) };
    const resign = (token: string) =>
      jwt.sign({ ...jwt.decode(token), auth_time: session.authTime, origin_jti: session.originJti }, signingKey, { algorithm: 'RS256', keyid: 'CognitoLocal' });
    return { ...tokens, AccessToken: resign(tokens.AccessToken), IdToken: resign(tokens.IdToken) };
  }
}

interface InitiateAuthRequest {
  AuthFlow?: string;
  AuthParameters?: Record<string, string>;
}

/** A refresh runs knowing which session it continues (the refresh token's own sign-in time and id). */
const sessionContinuing =
  (initiateAuth: (ctx: Context, req: InitiateAuthRequest) => Promise<unknown>) => (ctx: Context, req: InitiateAuthRequest) => {
    const token = req.AuthFlow?.startsWith('REFRESH_TOKEN') ? req.AuthParameters?.REFRESH_TOKEN : undefined;
    const claims = token ? jwt.decode(token) : null;
    if (!claims) return initiateAuth(ctx, req);
    return continuedSession.run({ authTime: Number(claims.iat), originJti: String(claims.jti) }, () => initiateAuth(ctx, req));
  };

interface ChallengeAnswer {
  ClientId: string;
  ChallengeResponses?: Record<string, string>;
}

/** RespondToAuthChallenge, keeping the refresh token of the session it opens (as InitiateAuth does). */
const refreshableChallengeAnswer =
  ({ cognito }: Services, respond: (ctx: Context, req: ChallengeAnswer) => Promise<{ AuthenticationResult?: { RefreshToken?: string } }>) =>
  async (ctx: Context, req: ChallengeAnswer) => {
    const result = await respond(ctx, req);
    const refreshToken = result.AuthenticationResult?.RefreshToken;
    if (refreshToken) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses?.USERNAME ?? '');
      if (user) await userPool.storeRefreshToken(ctx, refreshToken, user);
    }
    return result;
  };

/** AWS's GlobalSignOut (by access token) and AdminUserGlobalSignOut (by user name): refresh tokens revoked. */
const globalSignOut =
  ({ cognito }: Services, by: 'access-token' | 'admin') =>
  async (ctx: Context, req: { AccessToken?: string; UserPoolId?: string; Username?: string }) => {
    let userPool;
    let username: string | undefined;
    if (by === 'admin') {
      userPool = await cognito.getUserPool(ctx, req.UserPoolId ?? '');
      username = req.Username;
    } else {
      const claims = jwt.decode(req.AccessToken ?? '');
      if (!claims || typeof claims.client_id !== 'string') throw new InvalidParameterError('AccessToken is invalid.');
      userPool = await cognito.getUserPoolForClientId(ctx, claims.client_id);
      username = typeof claims.username === 'string' ? claims.username : undefined;
    }
    const user = username ? await userPool.getUserByUsername(ctx, username) : null;
    if (!user) throw new UserNotFoundError();
    await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
    return {};
  };

/** Cognito's request categories that Coopol's calls fall in (AWS's quotas page names them). */
const quotaCategories = {
  UserCreation: ['SignUp', 'ConfirmSignUp', 'AdminCreateUser', 'AdminConfirmSignUp'],
} as const;
type QuotaCategory = keyof typeof quotaCategories;

class TooManyRequestsError extends CognitoError {
  constructor() {
    super('TooManyRequestsException', 'Too many requests');
  }
}

/** The quota of each category: a rate per second, and a number of calls to refuse at once (tests). */
const quotas = new Map<QuotaCategory, { perSecond?: number; refuseNext: number; second: number; used: number }>();

const setRequestQuota = async (_ctx: Context, req: { category: QuotaCategory; perSecond?: number | null; refuseNext?: number }) => {
  if (!(req.category in quotaCategories)) throw new InvalidParameterError(`Unknown quota category ${req.category}`);
  quotas.set(req.category, { perSecond: req.perSecond ?? undefined, refuseNext: req.refuseNext ?? 0, second: 0, used: 0 });
  return {};
};

/** Counts a call against its category's quota, refusing it as AWS does past the rate. */
function withinQuota(target: string): void {
  const category = (Object.keys(quotaCategories) as QuotaCategory[]).find((c) => (quotaCategories[c] as readonly string[]).includes(target));
  const quota = category && quotas.get(category);
  if (!quota) return;
  if (quota.refuseNext > 0) {
    quota.refuseNext -= 1;
    throw new TooManyRequestsError();
  }
  if (quota.perSecond === undefined) return;
  const second = Math.floor(Date.now() / 1000);
  if (second !== quota.second) Object.assign(quota, { second, used: 0 });
  quota.used += 1;
  if (quota.used > quota.perSecond) throw new TooManyRequestsError();
}

async function createCoopolServer() {
  const configDirectory = '.cognito';
  const dataDirectory = `${configDirectory}/db`;
  const ctx = { logger };
  const config = await loadConfig(ctx, new StormDBDataStoreFactory(configDirectory));
  logger.debug({ config }, 'Loaded config');
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
  const cognitoServiceFactory = new CognitoServiceFactoryImpl(dataDirectory, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory));
  const cognitoClient = await cognitoServiceFactory.create(ctx, config.UserPoolDefaults);
  const lambda = new LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient));
  const triggers: Triggers = new TriggersService(clock, cognitoClient, lambda, new CryptoService(config.KMSConfig));
  const services: Services = {
    clock,
    cognito: cognitoClient,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(new SesMessageSender())),
    otp,
    tokenGenerator: new SessionAwareTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const router = Router(services);
  const added: Record<string, unknown> = {
    GlobalSignOut: globalSignOut(services, 'access-token'),
    AdminUserGlobalSignOut: globalSignOut(services, 'admin'),
    InitiateAuth: sessionContinuing(router('InitiateAuth') as (ctx: Context, req: InitiateAuthRequest) => Promise<unknown>),
    RespondToAuthChallenge: refreshableChallengeAnswer(services, router('RespondToAuthChallenge')),
    CoopolSetRequestQuota: setRequestQuota,
  };
  const routed: typeof router = (target) => (added[target] as ReturnType<typeof router> | undefined) ?? router(target);
  const coopolRouter: typeof router = (target) => {
    const route = routed(target);
    // Async: the server chains `.then` on the call, so a refusal must be a rejected promise.
    return (async (ctx: Context, req: unknown) => {
      withinQuota(target);
      return (route as (ctx: Context, req: unknown) => Promise<unknown>)(ctx, req);
    }) as ReturnType<typeof router>;
  };
  return createServer(coopolRouter, logger, config.ServerConfig, services);
}

createCoopolServer()
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(`Cognito Local running on ${typeof address === 'string' ? address : `http://${address?.address}:${address?.port}`}`);
  })
  .catch((error: unknown) => {
    logger.error(error);
    process.exit(1);
  });
