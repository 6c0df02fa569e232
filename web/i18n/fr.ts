import { frClient } from './fr-client';
import { frEvents } from './fr-events';
import type { Dictionary } from './translate';

/*
 * French dictionary, the reference for every other language. The strings client components need
 * live in `fr-client.ts`, so the browser only downloads those.
 * Typography: \u00a0 is a non-breaking space (before « : », inside « guillemets »),
 * \u202f a narrow one (before ; ! ?), and ’ the apostrophe.
 */
export const fr = {
  ...frClient,
  ...frEvents,

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

  // Header: account
  'nav.signIn': 'Se connecter',
  'nav.signUp': 'Créer un compte',
  'nav.account': 'Mon compte',
  'nav.accountMenu': '(menu du compte)',
  'nav.myProfile': 'Mon profil',
  'nav.signOut': 'Se déconnecter',

  // Forms (shared)
  'form.fixFields': 'Corrigez les champs signalés ci-dessous.',
  'form.unavailable': 'Le service ne répond pas pour le moment. Réessayez dans un instant.',
  'form.retryAfter': 'Réessayez dans {minutes}\u00a0min.',
  'field.givenName': 'Prénom',
  'field.familyName': 'Nom',
  'field.email': 'Adresse e-mail',
  'field.password': 'Mot de passe',
  'field.newPassword': 'Nouveau mot de passe',
  'field.postalCode': 'Code postal',
  'field.memberNumber': 'Numéro d’adhérent',
  'field.code': 'Code reçu par e-mail',
  'field.totpCode': 'Code à 6 chiffres',
  'password.rulesIntro': 'Pas de règle de majuscules ou de symboles\u00a0: c’est la longueur qui protège. Une courte phrase facile à retenir est idéale.',
  'password.ruleLength': 'au moins 12 caractères\u202f;',
  'password.ruleCommon': 'pas un mot de passe courant (comme «\u00a0motdepasse123\u00a0»)\u202f;',
  'password.ruleOwn': 'sans votre nom ni votre adresse e-mail.',

  // Sign-up
  'signUp.title': 'Créer un compte',
  'signUp.heading': 'Créer mon compte Coopol',
  'signUp.lead':
    'Adhérent ou sympathisant, rejoignez le réseau du parti près de chez vous. Les adhérents retrouvent leur section grâce au fichier du parti\u00a0; les sympathisants rejoignent la fédération de leur département.',
  'signUp.emailHint': 'Nous y envoyons un code à 6 chiffres pour la confirmer.',
  'signUp.postalCodeHint': 'Il indique la fédération que rejoint un sympathisant.',
  'signUp.memberNumberHint':
    'Si vous êtes adhérent\u00a0: il figure sur votre carte. Sans lui, nous vous reconnaissons à votre adresse e-mail si elle est dans le fichier du parti.',
  'signUp.consent':
    'J’accepte que Coopol traite ces informations, qui révèlent une opinion politique, pour faire fonctionner le réseau du parti.',
  'signUp.consentHint':
    'Elles ne servent qu’à cela\u00a0: ni revente, ni publicité. Vous choisissez ensuite qui voit quoi, et pouvez retirer votre accord à tout moment.',
  'signUp.privacyLink': 'Vos données sur Coopol',
  'signUp.submit': 'Créer mon compte',
  'signUp.haveAccount': 'Vous avez déjà un compte\u202f?',
  'signUp.signIn': 'Se connecter',

  // Confirmation of the address
  'confirm.title': 'Confirmer mon adresse',
  'confirm.heading': 'Confirmez votre adresse e-mail',
  'confirm.lead': 'Saisissez l’adresse de votre inscription et le code à 6 chiffres que nous vous avons envoyé.',
  'confirm.leadTo': 'Nous avons envoyé un code à 6 chiffres à {email}. Saisissez-le ci-dessous pour terminer votre inscription.',
  'confirm.unconfirmed': 'Votre adresse n’est pas encore confirmée.',
  'confirm.codeHint': 'Il figure dans le message «\u00a0Coopol\u00a0: votre code de vérification\u00a0».',
  'confirm.submit': 'Confirmer mon adresse',
  'confirm.spam': 'Rien reçu\u202f? Le message met parfois quelques minutes à arriver\u00a0; pensez à regarder dans vos courriers indésirables.',
  'confirm.signIn': 'Déjà confirmé\u202f? Se connecter',

  // Sign-in
  'signIn.title': 'Connexion',
  'signIn.heading': 'Se connecter',
  'signIn.needed': 'Connectez-vous pour voir cette page.',
  'signIn.confirmed': 'Votre adresse est confirmée. Connectez-vous pour commencer.',
  'signIn.passwordChanged': 'Votre mot de passe est changé. Connectez-vous avec le nouveau.',
  'signIn.expired': 'La connexion a pris trop de temps. Recommencez, s’il vous plaît.',
  'signIn.forgot': 'Mot de passe oublié\u202f?',
  'signIn.submit': 'Se connecter',
  'signIn.noAccount': 'Pas encore de compte\u202f?',
  'signIn.createAccount': 'Créer un compte',
  'mfaChallenge.title': 'Code de connexion',
  'mfaChallenge.heading': 'Encore une étape',
  'mfaChallenge.lead':
    'Votre compte est protégé par la double authentification. Ouvrez votre application d’authentification et saisissez le code affiché pour Coopol.',
  'mfaChallenge.codeHint': 'Le code change toutes les 30 secondes.',
  'mfaChallenge.submit': 'Valider',
  'mfaChallenge.restart': 'Recommencer la connexion',

  // Forgotten password
  'forgot.title': 'Mot de passe oublié',
  'forgot.heading': 'Mot de passe oublié',
  'forgot.lead': 'Indiquez l’adresse de votre compte\u00a0: nous y envoyons un code pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Recevoir un code',
  'forgot.back': 'Revenir à la connexion',
  'reset.title': 'Nouveau mot de passe',
  'reset.heading': 'Choisissez un nouveau mot de passe',
  'reset.lead': 'Saisissez votre adresse, le code reçu par e-mail et votre nouveau mot de passe.',
  'reset.leadTo': 'Si un compte existe à l’adresse {email}, un code vient d’y être envoyé. Saisissez-le avec votre nouveau mot de passe.',
  'reset.submit': 'Changer mon mot de passe',
  'reset.again': 'Demander un nouveau code',

  // Onboarding
  'welcome.title': 'Bienvenue',
  'welcome.heading': 'Bienvenue sur Coopol, {name}\u202f!',
  'welcome.member': 'Vous êtes adhérent de la',
  'welcome.supporter': 'Vous êtes sympathisant\u00a0: vous rejoignez la',
  'welcome.lead':
    'Présentez-vous en quelques clics — tout est facultatif — et choisissez qui voit chaque information. Vous pourrez tout changer plus tard depuis «\u00a0Mon profil\u00a0».',
  'welcome.submit': 'Enregistrer et continuer',

  // Profile (mine)
  'profile.title': 'Mon profil',
  'profile.eyebrow': 'Mon profil',
  'profile.welcomeDone': 'Votre profil est prêt. Bienvenue\u202f!',
  'profile.mfaDone': 'La double authentification est activée\u00a0: un code vous sera demandé à chaque connexion.',
  'profile.status.adherent': 'Adhérent',
  'profile.status.sympathisant': 'Sympathisant',
  'profile.photoHeading': 'Ma photo',
  'profile.photoAdd': 'Ajouter une photo',
  'profile.photoChange': 'Changer de photo',
  'profile.factsHeading': 'En bref',
  'profile.memberNumber': 'Numéro d’adhérent\u00a0: {number}',
  'profile.seeAsOthers': 'Voir mon profil tel que les autres le voient',
  'profile.securityHeading': 'Sécurité',
  'profile.rolesIntro': 'Vos responsabilités sur Coopol\u00a0:',
  'profile.mfaOn': 'Double authentification activée',
  'profile.mfaNeeded':
    'Pour exercer vos responsabilités, activez la double authentification\u00a0: un code de votre téléphone en plus du mot de passe.',
  'profile.mfaOffer': 'Protégez mieux votre compte\u00a0: un code de votre téléphone en plus du mot de passe.',
  'profile.mfaTurnOn': 'Activer la double authentification',
  'profile.editHeading': 'Modifier mon profil',
  'profile.editIntro': 'Tout ce qui suit est facultatif, sauf votre nom. Pour chaque information, vous choisissez qui la voit.',
  'profile.newPostalCode': 'Nouveau code postal',
  'profile.newPostalCodeHint': 'Vous avez déménagé\u202f? Vous rejoindrez la fédération de votre nouveau département (aujourd’hui\u00a0: {federation}).',
  'profile.submit': 'Enregistrer',
  'profile.saved': 'Vos changements sont enregistrés.',
  'profile.functionsHeading': 'Fonctions et mandats',
  'profile.functionsIntro': 'Vos responsabilités dans le parti et vos mandats d’élu, s’il y a lieu.',
  'profile.functionsLegend': 'Mes fonctions dans le parti',
  'profile.level.national': 'Au niveau national',
  'profile.level.federal': 'Dans la fédération',
  'profile.level.section': 'Dans la section',
  'profile.otherFunction': 'Autre fonction',
  'profile.otherFunctionHint': 'Si la vôtre n’est pas dans la liste.',
  'profile.mandatesLegend': 'Mes mandats d’élu',
  'profile.mandatesHint': 'Les mandats en cours.',
  'profile.interestsHeading': 'Centres d’intérêt',
  'profile.interests': 'Sujets qui vous tiennent à cœur',
  'profile.interestsHint': 'Séparés par des virgules, par exemple\u00a0: santé, école, logement. Ils aident à trouver les groupes thématiques.',
  'profile.visibilityHeading': 'Qui voit quoi',
  'profile.visibilityIntro':
    'Pour chaque information, choisissez qui peut la voir. Les responsables de votre section et de votre fédération voient toujours la liste de leurs membres.',
  'profile.fact.status': 'Statut',
  'profile.fact.section': 'Section',
  'profile.fact.federation': 'Fédération',
  'profile.fact.functions': 'Fonctions',
  'profile.fact.mandates': 'Mandats',
  'profile.fact.interests': 'Centres d’intérêt',
  'profile.fact.email': 'Adresse e-mail',

  // Audiences and what each choice covers
  'audience.signed-in': 'Toutes les personnes inscrites sur Coopol',
  'audience.members': 'Les adhérents du parti',
  'audience.section': 'Ma section',
  'audience.friends': 'Mes coopains',
  'audience.only-me': 'Moi seulement',
  'visibility.membership': 'Mon statut d’adhérent ou de sympathisant',
  'visibility.membershipHint':
    'Être adhérent d’un parti révèle une opinion politique\u00a0: c’est une donnée sensible. Par défaut, seule votre section le voit.',
  'visibility.section': 'Ma section',
  'visibility.sectionHint': 'Dire à quelle section vous appartenez revient aussi à dire que vous êtes adhérent.',
  'visibility.functions': 'Mes fonctions dans le parti',
  'visibility.functionsHint': 'Utile pour que les adhérents sachent à qui s’adresser.',
  'visibility.mandates': 'Mes mandats d’élu',
  'visibility.mandatesHint': 'Un mandat est public\u00a0; vous pouvez le montrer largement.',
  'visibility.interests': 'Mes centres d’intérêt',
  'visibility.interestsHint': 'Ils aident d’autres militants à vous proposer un groupe.',
  'visibility.photo': 'Ma photo',
  'visibility.photoHint': 'Sans photo visible, vos initiales s’affichent.',
  'visibility.email': 'Mon adresse e-mail',
  'visibility.emailHint': 'Par défaut, personne ne la voit\u00a0; Coopol l’utilise pour vous écrire.',
  'role.national-admin': 'Administration nationale',
  'role.privacy-officer': 'Délégué à la protection des données',
  'role.federation-officer': 'Responsable fédéral',
  'role.section-secretary': 'Secrétaire de section',
  'role.web-referent': 'Référent web',

  // Two-factor authentication (TOTP)
  'totp.title': 'Double authentification',
  'totp.heading': 'Double authentification',
  'totp.lead':
    'En plus de votre mot de passe, un code à 6 chiffres de votre téléphone vous sera demandé à chaque connexion. Elle est obligatoire pour les responsables.',
  'totp.step1': 'Installez une application d’authentification sur votre téléphone (FreeOTP, Aegis, Google Authenticator…).',
  'totp.step2': 'Ajoutez-y Coopol avec la clé que nous allons vous donner.',
  'totp.step3': 'Saisissez le code que l’application affiche.',
  'totp.start': 'Obtenir ma clé',
  'totp.secretLead': 'Ajoutez Coopol dans votre application d’authentification avec cette clé, puis saisissez le code affiché.',
  'totp.secretLabel': 'Clé à saisir dans l’application',
  'totp.openApp': 'Ouvrir dans mon application (sur ce téléphone)',
  'totp.codeHint': 'Le code change toutes les 30 secondes.',
  'totp.verify': 'Activer',
  'totp.alreadyOn': 'La double authentification est déjà activée pour votre compte.',
  'totp.back': 'Revenir à mon profil',

  // Someone's profile
  'person.title': 'Profil',
  'person.factsHeading': 'Ce que cette personne partage',
  'person.nothingShown': '{name} ne partage rien d’autre avec vous pour l’instant.',
  'person.privacyNote': 'N’apparaît ici que ce que {name} a choisi de vous montrer.',
  'person.forbiddenHeading': 'Ce profil n’est pas accessible',
  'person.myProfile': 'Voir mon profil',

  // Members and officials of a space
  'officials.heading': 'Responsables et membres',
  'officials.none': 'Aucun responsable n’est encore désigné sur Coopol.',
  'officials.signIn': 'Connectez-vous',
  'officials.signInWhy': 'pour voir les responsables.',
  'officials.members': 'Membres',
  'members.crumb': 'Membres',
  'members.sectionTitle': 'Membres de la section',
  'members.sectionHeading': 'Les membres de la section',
  'members.federationTitle': 'Membres de la fédération',
  'members.federationHeading': 'Les membres de la fédération',
  'members.privacyNote':
    'Chacun choisit ce qu’il montre\u00a0: n’apparaissent ici que les personnes qui vous laissent voir leur adhésion, avec ce qu’elles partagent.',
  'members.none': 'Personne à afficher pour l’instant.',
  'members.noMore': 'Il n’y a plus personne à afficher.',
  'members.pagination': 'Pages des membres',
  'members.nextPage': 'Page suivante',
  'members.firstPage': 'Revenir au début de la liste',
  'members.refusedHeading': 'Cette liste ne vous est pas ouverte',
  'members.sectionRefused':
    'Être adhérent révèle une opinion politique\u00a0: par respect pour chacun, seuls les adhérents de la section et ses responsables voient qui en fait partie.',
  'members.federationRefused':
    'Être adhérent ou sympathisant révèle une opinion politique\u00a0: par respect pour chacun, seuls les membres de la fédération et ses responsables voient qui en fait partie.',
  'members.turnOnMfa': 'Activer la double authentification',
  'members.backToSection': 'Revenir à la section',
  'members.backToFederation': 'Revenir à la fédération',

  // Privacy page
  'privacy.title': 'Vos données',
  'privacy.heading': 'Vos données sur Coopol',
  'privacy.lead': 'Ce que nous recueillons, pourquoi, qui le voit, et ce que vous pouvez faire, en quelques mots.',
  'privacy.whatHeading': 'Ce que nous recueillons',
  'privacy.what1':
    'Votre nom, votre adresse e-mail, votre code postal et, si vous êtes adhérent, votre numéro d’adhérent. Ensuite, ce que vous choisissez d’ajouter\u00a0: photo, fonctions, mandats, centres d’intérêt.',
  'privacy.what2': 'Votre mot de passe n’est jamais conservé en clair\u00a0: il est confié au service d’authentification, qui ne le stocke que sous une forme illisible.',
  'privacy.whyHeading': 'Pourquoi',
  'privacy.why1':
    'Être inscrit sur l’outil d’un parti révèle une opinion politique. Le droit européen (article 9 du RGPD) protège particulièrement ces données\u00a0: nous ne les traitons qu’avec votre accord explicite, donné en créant votre compte.',
  'privacy.why2':
    'Elles servent uniquement à faire fonctionner le réseau du parti\u00a0: vous relier à votre section et à votre fédération, aux groupes et aux actions de terrain. Elles ne sont ni vendues ni utilisées pour de la publicité.',
  'privacy.whoHeading': 'Qui voit quoi',
  'privacy.who1':
    'Pour chaque information de votre profil, vous choisissez qui la voit\u00a0: toutes les personnes inscrites, les adhérents, votre section, vos coopains ou vous seulement.',
  'privacy.who2': 'Par défaut, votre statut d’adhérent n’est visible que de votre section, et votre adresse e-mail de personne.',
  'privacy.who3':
    'Les responsables de votre section et de votre fédération voient la liste complète de leurs membres, pour organiser la vie militante.',
  'privacy.keepHeading': 'Combien de temps',
  'privacy.keep1':
    'Vos données sont gardées tant que votre compte existe. Une inscription jamais confirmée est effacée au bout de quelques jours.',
  'privacy.rightsHeading': 'Vos droits',
  'privacy.rights1':
    'Vous pouvez à tout moment corriger votre profil, restreindre qui le voit, retirer votre accord et demander l’effacement de votre compte auprès du délégué à la protection des données du parti.',
  'privacy.rights2': 'Vous pouvez aussi adresser une réclamation à la CNIL, l’autorité française de protection des données.',
  'privacy.signUp': 'Créer mon compte',

  // Not found (the error page's strings are in fr-client.ts)
  'notFound.title': 'Page introuvable',
  'notFound.heading': 'Cette page est introuvable',
  'notFound.text':
    'Le lien est peut-être ancien, ou la section, la fédération ou la région demandée n’existe pas sur Coopol.',
  'notFound.home': 'Revenir à l’accueil',
  'notFound.territories': 'Parcourir les territoires',
} as const satisfies Dictionary;
