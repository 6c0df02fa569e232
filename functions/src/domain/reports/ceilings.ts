import * as z from 'zod';
import { ReportCeilings, type ReportRequest } from '../../contracts/events';
import { readConfig } from '../../shared/config';
import { ValidationError } from '../errors';

/** The stage's ceilings per report (REPORT_CEILINGS, JSON: CDK and the local stack pass infra/config.ts's `reportCeilings`). */
const config = readConfig({
  REPORT_CEILINGS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON attendu' });
        return z.NEVER;
      }
    })
    .pipe(ReportCeilings),
});

export const reportCeilings = config.REPORT_CEILINGS;

const figures = ['leaflets', 'doors', 'peopleReached', 'contacts'] as const;
const say = new Intl.NumberFormat('fr-FR');

/** A report beyond a ceiling is refused whole: a 400 naming every figure over its ceiling. */
export function checkCeilings(request: ReportRequest): void {
  const over = figures.filter((name) => request[name] > reportCeilings[name]);
  if (over.length) {
    throw new ValidationError(
      over.map((name) => ({ field: `body.${name}`, message: `au plus ${say.format(reportCeilings[name])} par compte-rendu` })),
      'field-report.over-ceilings',
    );
  }
}
