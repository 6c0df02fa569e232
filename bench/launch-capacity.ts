import { readStageConfig } from '../infra/config';
import { projectSignUps, waveSendRateCap, WAVE_QUOTA_SHARE } from '../functions/src/domain/rollout/launch-capacity';

/**
 * The launch-day capacity model, on paper (a wave cannot be sent to real people here): for each wave,
 * the sign-ups per second its launch mails cause, from the stage's surge model (opening rate ×
 * sign-up share × click-through curve, infra/config.ts `launchSurge`), against Cognito's UserCreation
 * quota (`cognitoUserCreationRps`, 50/s by default). First at SES's rate alone (BENCH_SES_RATE, 200/s:
 * what a wave sends without a cap), then at the cap the stack gives the wave sender
 * (WAVE_MAX_SEND_RATE, `waveSendRateCap`). The stage is read as `cdk synth` reads it (COOPOL_* variables).
 */
const config = readStageConfig(() => undefined);
const sesRate = Number(process.env.BENCH_SES_RATE ?? 200);
// Waves as the party plans them: name and confirmed preregistrations (BENCH_WAVES="Vague 1:60000;Vague 2:25000").
const waves = (process.env.BENCH_WAVES ?? 'Vague 1 (6 régions):60000;Vague 2 (Occitanie, Nouvelle-Aquitaine):25000;Vague 3 (le reste):150000')
  .split(';')
  .map((entry) => {
    const [name, recipients] = entry.split(':');
    return { name: name!.trim(), recipients: Number(recipients) };
  });

const quota = config.cognitoUserCreationRps;
const budget = quota * WAVE_QUOTA_SHARE;
const cap = Math.min(sesRate, waveSendRateCap(quota, config.launchSurge));
const surge = config.launchSurge;
console.log(
  `Stage ${config.stage}: Cognito UserCreation quota ${quota}/s (waves may use ${Math.round(WAVE_QUOTA_SHARE * 100)} %: ${budget.toFixed(0)}/s); ` +
    `surge: ${Math.round(surge.openRate * 100)} % open, ${Math.round(surge.signUpShare * 100)} % of them sign up, ` +
    `${Math.round(surge.clickThroughByMinute.reduce((a, b) => a + b, 0) * 100)} % of the opens within ${surge.clickThroughByMinute.length} min.`,
);
console.log(`Wave sender cap: ${cap} mails/s (SES alone: ${sesRate}/s).\n`);
const rows = waves.flatMap((wave) => {
  const uncapped = projectSignUps(wave.recipients, sesRate, surge);
  const capped = projectSignUps(wave.recipients, cap, surge);
  const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)} min`;
  return [
    { wave: wave.name, recipients: wave.recipients, 'mails/s': sesRate, 'sending': minutes(uncapped.sendingSeconds), 'peak sign-ups/s': uncapped.peakPerSecond.toFixed(1), 'vs quota': `${((uncapped.peakPerSecond / quota) * 100).toFixed(0)} %`, within: uncapped.peakPerSecond <= budget ? 'yes' : 'NO' },
    { wave: `${wave.name}, capped`, recipients: wave.recipients, 'mails/s': cap, 'sending': minutes(capped.sendingSeconds), 'peak sign-ups/s': capped.peakPerSecond.toFixed(1), 'vs quota': `${((capped.peakPerSecond / quota) * 100).toFixed(0)} %`, within: capped.peakPerSecond <= budget ? 'yes' : 'NO' },
  ];
});
console.table(rows);
if (rows.some((row) => row.wave.endsWith('capped') && row.within === 'NO')) {
  console.error('A capped wave still goes over the quota: the model and the cap disagree.');
  process.exit(1);
}
