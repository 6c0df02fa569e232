import { frClient } from './fr-client';
import type { Dictionary } from './translate';

/*
 * French dictionary, the reference for every other language. The strings client components need
 * live in `fr-client.ts`, so the browser only downloads those.
 * Typography: \u00a0 is a non-breaking space (before « : », inside « guillemets »),
 * \u202f a narrow one (before ; ! ?), and ’ the apostrophe.
 */
export const fr = {
  ...frClient,

  // Site-wide
  'site.titleDefault': 'Coopol — militer ensemble, près de chez vous',
  'site.description':
    'Coopol donne à chaque section et à chaque fédération son propre réseau social, relie adhérents et sympathisants dans des groupes thématiques et organise le travail de terrain.',
  'site.skipLink': 'Aller au contenu',
  'site.homeLink': 'Coopol, retour à l’accueil',
  'nav.label': 'Navigation principale',
  'nav.home': 'Accueil',
  'nav.territories': 'Territoires',
  'breadcrumb.label': 'Fil d’Ariane',
  'breadcrumb.territories': 'Territoires',

  // Footer
  'footer.about':
    'Coopol, pour «\u00a0coopération politique\u00a0»\u00a0: chaque section, chaque fédération et chaque groupe thématique a son espace, du national jusqu’à votre rue.',
  'footer.explore': 'Explorer',
  'footer.data': 'Données et API',
  'footer.geoData':
    'Données géographiques\u00a0: INSEE (régions, départements, communes) et La Poste (codes postaux), via les paquets open data «\u00a0@etalab/decoupage-administratif\u00a0» et «\u00a0codes-postaux\u00a0».',
  'footer.apiDocs': 'Documentation de l’API (OpenAPI)',
  'footer.abroad': 'Français de l’étranger',

  // Landing
  'home.eyebrow': 'Coopol · coopération politique',
  'home.heading': 'Militer ensemble, près de chez vous et partout en France',
  'home.lead':
    'Coopol donne à chaque section et à chaque fédération son propre petit réseau social, relie les adhérents et les sympathisants au-delà de leur section et organise le travail de terrain\u00a0: réunions, tractages, porte-à-porte.',
  'home.ctaFind': 'Trouver ma section',
  'home.ctaBrowse': 'Parcourir les territoires',
  'home.featuresHeading': 'Tout ce qu’il faut pour faire vivre une section',
  'home.featuresIntro':
    'Un outil militant, intégré aux structures du parti\u00a0: il ne remplace pas la réunion de section, il aide à la préparer, à la faire connaître et à passer à l’action.',
  'home.feature.sections.title': 'Votre section, votre réseau',
  'home.feature.sections.text':
    'Chaque section et chaque fédération a son espace\u00a0: nouvelles, rendez-vous et échanges de celles et ceux qui militent près de chez vous.',
  'home.feature.groups.title': 'Des groupes thématiques',
  'home.feature.groups.text':
    'Soignants, enseignants, cheminots… Retrouvez des adhérents et des sympathisants d’autres sections autour d’un même sujet.',
  'home.feature.agenda.title': 'Réunions et agenda',
  'home.feature.agenda.text':
    'Réunions, formations, rencontres publiques\u00a0: un agenda partagé, avec inscriptions, liste d’attente et rappels.',
  'home.feature.field.title': 'Tractage et porte-à-porte',
  'home.feature.field.text':
    'La section indique combien de bénévoles il faut sur chaque créneau, et chacun s’inscrit là où il peut aider.',
  'home.feature.reports.title': 'Les comptes-rendus remontent',
  'home.feature.reports.text':
    'Après chaque action, un court compte-rendu\u00a0: tracts distribués, portes frappées, contacts. Il remonte de la section à la fédération, à la région, au national.',
  'home.feature.waves.title': 'Une ouverture région par région',
  'home.feature.waves.text':
    'Coopol ouvre par vagues de déploiement, avec une formation pour les référents web de chaque section concernée.',
  'home.levelsHeading': 'Du national à votre rue',
  'home.levelsIntro': 'Coopol suit l’organisation du parti et la géographie officielle de la France.',
  'home.level.national.title': 'National',
  'home.level.national.text': 'Les annonces et les campagnes de tout le parti.',
  'home.level.region.title': 'Régions',
  'home.level.region.text': 'Elles regroupent les fédérations et suivent l’action de terrain.',
  'home.level.federation.title': 'Fédérations',
  'home.level.federation.text': 'Une par département, plus celle des Français de l’étranger.',
  'home.level.section.title': 'Sections',
  'home.level.section.text': 'Une commune, un quartier, une entreprise\u00a0: là où l’on milite.',
  'home.regionsHeading': 'Explorer les régions',
  'home.regionsIntro': 'Chaque région mène à ses fédérations, et chaque fédération à ses sections.',
  'home.regionsAll': 'Tous les territoires',

  // Territories
  'territories.title': 'Territoires',
  'territories.heading': 'Les territoires de Coopol',
  'territories.lead':
    'Chaque région regroupe des fédérations, une par département, et chaque fédération ses sections. Choisissez une région pour commencer.',
  'territories.metro': 'France métropolitaine',
  'territories.overseas': 'Outre-mer',
  'territories.drom': 'Départements et régions d’outre-mer',
  'territories.com': 'Collectivités d’outre-mer',
  'territories.abroadHeading': 'Français de l’étranger',
  'territories.abroadText':
    'Une fédération pour les adhérents et les sympathisants qui vivent hors de France, avec ses sections à travers le monde.',
  'territories.abroadLink': 'Voir la fédération des Français de l’étranger',
  'territories.regionCount': { one: '{count} région', other: '{count} régions' },
  'territories.territoryCount': { one: '{count} territoire', other: '{count} territoires' },
  'zone.metro': 'France métropolitaine',
  'zone.drom': 'Département et région d’outre-mer',
  'zone.com': 'Collectivité d’outre-mer',

  // Region
  'region.federationsHeading': 'Les fédérations',
  'region.federationCount': {
    zero: 'Aucune fédération',
    one: '{count} fédération',
    other: '{count} fédérations',
  },
  'region.noFederations': 'Cette région n’a pas encore de fédération sur Coopol.',
  'region.departement': 'Département {code}',

  // Federation
  'federation.departement': 'Département {code}',
  'federation.abroad': 'Hors de France',
  'federation.region': 'Région {name}',
  'federation.sectionCount': {
    zero: 'Aucune section pour l’instant',
    one: '{count} section',
    other: '{count} sections',
  },
  'federation.sectionsHeading': 'Les sections',
  'federation.emptyTitle': 'Pas encore de section sur Coopol',
  'federation.emptyText':
    'Aucune section de cette fédération n’a encore rejoint Coopol. Elles arrivent au fil des vagues de déploiement.',
  'federation.emptyBack': 'Voir les autres fédérations de la région',
  'federation.emptyBackAbroad': 'Revenir aux territoires',
  'federation.nextPage': 'Page suivante',
  'federation.firstPage': 'Revenir au début de la liste',
  'federation.pagination': 'Pages des sections',

  // Section
  'section.kind.commune': 'Section communale',
  'section.kind.quartier': 'Section de quartier',
  'section.kind.entreprise': 'Section d’entreprise',
  'section.kind.etranger': 'Section à l’étranger',
  'section.about': 'Présentation',
  'section.facts': 'Repères',
  'section.factKind': 'Type',
  'section.factCommune': 'Commune',
  'section.factCommuneCode': 'code INSEE {code}',
  'section.factFederation': 'Fédération',
  'section.factRegion': 'Région',
  'section.othersHeading': 'Autres sections de la fédération',
  'section.othersAll': 'Toutes les sections de la fédération',

  // Not found (the error page's strings are in fr-client.ts)
  'notFound.title': 'Page introuvable',
  'notFound.heading': 'Cette page est introuvable',
  'notFound.text':
    'Le lien est peut-être ancien, ou la section, la fédération ou la région demandée n’existe pas sur Coopol.',
  'notFound.home': 'Revenir à l’accueil',
  'notFound.territories': 'Parcourir les territoires',
} as const satisfies Dictionary;
