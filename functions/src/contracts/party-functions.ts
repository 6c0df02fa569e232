/**
 * The complete lists a profile chooses from (the 2010 form missed « secrétaire fédéral » and
 * « adjoint au maire »). Plain data, shared by the API (validation) and the site (labels); « autre »
 * is free text beside them.
 */
export const partyFunctions = [
  { code: 'premier-secretaire', label: 'Premier ou première secrétaire du parti', level: 'national' },
  { code: 'secretaire-national', label: 'Secrétaire national·e', level: 'national' },
  { code: 'tresorier-national', label: 'Trésorier·e national·e', level: 'national' },
  { code: 'membre-bureau-national', label: 'Membre du bureau national', level: 'national' },
  { code: 'membre-conseil-national', label: 'Membre du conseil national', level: 'national' },
  { code: 'delegue-national', label: 'Délégué·e national·e', level: 'national' },
  { code: 'premier-secretaire-federal', label: 'Premier ou première secrétaire fédéral·e', level: 'federal' },
  { code: 'secretaire-federal', label: 'Secrétaire fédéral·e', level: 'federal' },
  { code: 'secretaire-federal-adjoint', label: 'Secrétaire fédéral·e adjoint·e', level: 'federal' },
  { code: 'tresorier-federal', label: 'Trésorier·e fédéral·e', level: 'federal' },
  { code: 'membre-bureau-federal', label: 'Membre du bureau fédéral', level: 'federal' },
  { code: 'membre-conseil-federal', label: 'Membre du conseil fédéral', level: 'federal' },
  { code: 'secretaire-section', label: 'Secrétaire de section', level: 'section' },
  { code: 'secretaire-section-adjoint', label: 'Secrétaire de section adjoint·e', level: 'section' },
  { code: 'tresorier-section', label: 'Trésorier·e de section', level: 'section' },
  { code: 'membre-bureau-section', label: 'Membre du bureau de section', level: 'section' },
  { code: 'referent-web', label: 'Référent·e web de section', level: 'section' },
  { code: 'animateur-groupe', label: 'Animateur·rice de groupe thématique', level: 'section' },
  { code: 'delegue-congres', label: 'Délégué·e au congrès', level: 'section' },
] as const;

export const mandates = [
  { code: 'conseiller-municipal', label: 'Conseiller·e municipal·e' },
  { code: 'adjoint-au-maire', label: 'Adjoint·e au maire' },
  { code: 'maire-delegue', label: 'Maire délégué·e' },
  { code: 'maire', label: 'Maire' },
  { code: 'conseiller-arrondissement', label: 'Conseiller·e d’arrondissement' },
  { code: 'maire-arrondissement', label: 'Maire d’arrondissement' },
  { code: 'conseiller-communautaire', label: 'Conseiller·e communautaire (intercommunalité)' },
  { code: 'vice-president-intercommunalite', label: 'Vice-président·e d’intercommunalité' },
  { code: 'president-intercommunalite', label: 'Président·e d’intercommunalité' },
  { code: 'conseiller-departemental', label: 'Conseiller·e départemental·e' },
  { code: 'vice-president-departement', label: 'Vice-président·e de conseil départemental' },
  { code: 'president-departement', label: 'Président·e de conseil départemental' },
  { code: 'conseiller-regional', label: 'Conseiller·e régional·e' },
  { code: 'vice-president-region', label: 'Vice-président·e de conseil régional' },
  { code: 'president-region', label: 'Président·e de conseil régional' },
  { code: 'conseiller-territorial', label: 'Conseiller·e territorial·e (collectivités d’outre-mer)' },
  { code: 'conseiller-paris', label: 'Conseiller·e de Paris' },
  { code: 'depute', label: 'Député·e' },
  { code: 'senateur', label: 'Sénateur·rice' },
  { code: 'depute-europeen', label: 'Député·e européen·ne' },
  { code: 'conseiller-francais-etranger', label: 'Conseiller·e des Français de l’étranger' },
  { code: 'membre-gouvernement', label: 'Membre du gouvernement' },
] as const;

export const partyFunctionCodes: ReadonlySet<string> = new Set(partyFunctions.map((f) => f.code));
export const mandateCodes: ReadonlySet<string> = new Set(mandates.map((m) => m.code));
