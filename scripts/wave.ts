/**
 * `npm run wave -- <command>`: rollout waves from the command line, for scripted rollouts. It calls
 * the same API as the site (the route table of functions/src/contracts), signed in as a national
 * admin. Run `npm run wave -- help` for the commands.
 */
import { parseArgs } from 'node:util';
import { generateSync } from 'otplib';
import { routes, type RouteName } from '../functions/src/contracts/routes';

const usage = `Usage: npm run wave -- <command> [options]

Commands
  list                                  the waves, newest first
  show <id>                             one wave and its sending progress
  create --name <name> [--regions 76,75] [--federations 99,2A] --opens-at <ISO date-time>
         [--training "<title>|<ISO start>|<place>"]...
  edit <id> [--name …] [--regions …] [--federations …] [--opens-at …]   (drafts only)
  deploy <id>                           schedule its opening at its date
  open <id>                             open it now
  relaunch <id>                         resume a sending that stalled (nobody is mailed twice)
  watch <id>                            follow the sending until it is done
  numbers [--region <code> | --federation <code>]   funnel and sign-ups

Environment
  COOPOL_API_URL        the site's origin (default http://127.0.0.1:3000)
  COOPOL_EMAIL, COOPOL_PASSWORD         a national admin's account
  COOPOL_TOTP_SECRET or COOPOL_TOTP_CODE   when the account has TOTP (officials must)`;

class CliError extends Error {}

const origin = (process.env.COOPOL_API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');

async function request(name: RouteName, options: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; token?: string } = {}) {
  const route = routes[name];
  const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(options.params?.[key] ?? ''));
  const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const response = await fetch(`${origin}${path}${query}`, {
    method: route.method,
    headers: {
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  }).catch((error: Error) => {
    throw new CliError(`The API at ${origin} does not answer (${error.message}). Is the stack running (npm start)?`);
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown> & { details?: { field: string; message: string }[] };
  if (!response.ok) {
    const details = body.details?.map((d) => `\n  ${d.field}: ${d.message}`).join('') ?? '';
    throw new CliError(`${response.status} ${String(body.message ?? response.statusText)}${details}`);
  }
  return body;
}

async function signIn(): Promise<string> {
  const email = process.env.COOPOL_EMAIL;
  const password = process.env.COOPOL_PASSWORD;
  if (!email || !password) throw new CliError('Set COOPOL_EMAIL and COOPOL_PASSWORD (a national admin’s account).');
  const result = await request('signIn', { body: { email, password } });
  if (result.status === 'SIGNED_IN') return (result.tokens as { idToken: string }).idToken;
  const secret = process.env.COOPOL_TOTP_SECRET;
  const code = process.env.COOPOL_TOTP_CODE ?? (secret ? generateSync({ secret }) : undefined);
  if (!code) throw new CliError('This account has TOTP: set COOPOL_TOTP_SECRET (or COOPOL_TOTP_CODE).');
  const answered = await request('answerMfa', { body: { email, session: result.session, code } });
  return (answered.tokens as { idToken: string }).idToken;
}

const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean));

function waveBody(values: Record<string, unknown>) {
  const trainings = (values.training as string[] | undefined)?.map((t) => {
    const [title, startsAt, place] = t.split('|').map((s) => s.trim());
    return { title, startsAt, place };
  });
  return Object.fromEntries(
    Object.entries({
      name: values.name,
      regionCodes: list(values.regions as string | undefined),
      federationCodes: list(values.federations as string | undefined),
      opensAt: values['opens-at'],
      trainings,
    }).filter(([, v]) => v !== undefined),
  );
}

type WaveOut = { id: string; name: string; status: string; opensAt: string; regionCodes: string[]; federationCodes: string[]; progress: Record<string, number> };

const paris = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' });
const describe = (w: WaveOut) =>
  `${w.id}  ${w.status.padEnd(9)} ${paris(w.opensAt)}  ${w.name}  [${[...w.regionCodes.map((r) => `région ${r}`), ...w.federationCodes.map((f) => `féd. ${f}`)].join(', ')}]\n` +
  `    à envoyer ${w.progress.toSend} · envoyés ${w.progress.sent} · échecs ${w.progress.failed} · écartés ${w.progress.suppressed} · rebonds ${w.progress.bounced} · plaintes ${w.progress.complained} · désabonnés ${w.progress.unsubscribed}`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      regions: { type: 'string' },
      federations: { type: 'string' },
      'opens-at': { type: 'string' },
      training: { type: 'string', multiple: true },
      region: { type: 'string' },
      federation: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [command, id] = positionals;
  if (!command || command === 'help') {
    console.log(usage);
    return;
  }
  const needId = () => {
    if (!id) throw new CliError(`${command} needs a wave id (see: npm run wave -- list)`);
    return { waveId: id };
  };
  const print = (out: unknown) => console.log(values.json ? JSON.stringify(out, null, 2) : describe(out as WaveOut));
  const token = await signIn();
  switch (command) {
    case 'list': {
      const { items } = await request('listWaves', { token });
      if (values.json) console.log(JSON.stringify(items, null, 2));
      else for (const wave of items as WaveOut[]) console.log(describe(wave));
      return;
    }
    case 'show':
      return print(await request('getWave', { token, params: needId() }));
    case 'create':
      return print(await request('createWave', { token, body: waveBody(values) }));
    case 'edit':
      return print(await request('updateWave', { token, params: needId(), body: waveBody(values) }));
    case 'deploy':
      return print(await request('deployWave', { token, params: needId() }));
    case 'open':
      return print(await request('openWave', { token, params: needId() }));
    case 'relaunch':
      return print(await request('relaunchWave', { token, params: needId() }));
    case 'watch': {
      for (;;) {
        const wave = (await request('getWave', { token, params: needId() })) as unknown as WaveOut;
        console.log(describe(wave));
        if (wave.status === 'done' || wave.status === 'draft') return;
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
    case 'numbers': {
      const query: Record<string, string> = values.federation
        ? { scope: 'federation', code: values.federation }
        : values.region
          ? { scope: 'region', code: values.region }
          : { scope: 'national' };
      const numbers = await request('rolloutNumbers', { token, query });
      console.log(JSON.stringify(numbers, null, 2));
      return;
    }
    default:
      throw new CliError(`Unknown command "${command}".\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof CliError ? `wave: ${error.message}` : error);
  process.exit(1);
});
