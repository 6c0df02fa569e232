/** The address of an onboarding step, keeping where the person was going (`suite`). */
export function onboardingStep(step: 1 | 2 | 3, suite?: string): string {
  const query = new URLSearchParams();
  if (step > 1) query.set('etape', String(step));
  if (suite) query.set('suite', suite);
  const search = query.toString();
  return search ? `/bienvenue?${search}` : '/bienvenue';
}
