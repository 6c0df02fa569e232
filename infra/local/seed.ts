import { DEMO_PASSWORD, demoAccounts, demoMemberFile, demoPdf, demoPreregistrations, demoSections, demoWaves } from './demo-data';

/**
 * Seeds the reference geography and the demo data. Imports the domain lazily: its modules read
 * their configuration (table name, endpoints) from the environment at load, which the stack sets first.
 */
export async function seedTerritory(): Promise<{ geographyLoaded: boolean; sectionsCreated: number }> {
  const { seedReferenceData } = await import('../../functions/src/jobs/seed-reference-data');
  const { createSection } = await import('../../functions/src/domain/territory/service');
  const { loaded } = await seedReferenceData();
  let sectionsCreated = 0;
  for (const section of demoSections) {
    if (await createSection(section)) sectionsCreated += 1;
  }
  return { geographyLoaded: loaded, sectionsCreated };
}

/**
 * Demo rollout: a first wave, opened, for the demo sections' regions (the demo accounts sign up
 * there), and a draft wave with a few confirmed preregistrations waiting for it. Only on an empty table.
 */
export async function seedRollout(): Promise<void> {
  const { WaveEntity } = await import('../../functions/src/domain/rollout/entities');
  const { createWaveAs, nationalTeam } = await import('../../functions/src/domain/rollout/waves');
  const { openWave } = await import('../../functions/src/domain/rollout/opening');
  const { preregister, confirmPreregistration } = await import('../../functions/src/domain/rollout/preregistration');
  const { PreregistrationEntity } = await import('../../functions/src/domain/rollout/entities');
  const { data: existing } = await WaveEntity.query.all({}).go({ limit: 1 });
  if (existing.length) return;
  const [pilot, ...drafts] = demoWaves();
  const opened = await createWaveAs(nationalTeam, pilot!);
  await openWave(opened.id);
  for (const draft of drafts) await createWaveAs(nationalTeam, draft);
  for (const person of demoPreregistrations) {
    await preregister({ ...person, consent: true });
    const { data } = await PreregistrationEntity.get({ email: person.email }).go();
    if (data) await confirmPreregistration(data.token);
  }
}

/**
 * Demo people: the demo member file is imported, then each account is opened by the same domain
 * function as a confirmed sign-up (password rules, Cognito user with its password, the person from
 * the member file or the postal code) — without the mailed code, which demo addresses never receive —
 * then gets its roles, as grants in the table like any other (the national ones included: the pool has
 * no groups). Safe to run again: whoever exists is left as they are.
 */
export async function seedDemoPeople(): Promise<void> {
  const { applyMemberFile } = await import('../../functions/src/domain/membership/member-file');
  const { openAccount } = await import('../../functions/src/domain/identity/sign-up');
  const { assertAcceptablePassword } = await import('../../functions/src/domain/identity/passwords');
  const { PersonEmailEntity, PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { writeGrant } = await import('../../functions/src/domain/roles/service');

  await applyMemberFile(demoMemberFile());
  for (const account of demoAccounts) {
    const { email, givenName, familyName, postalCode, memberNumber } = account;
    let userId = (await PersonEmailEntity.get({ email }).go()).data?.userId;
    if (!userId) {
      assertAcceptablePassword(DEMO_PASSWORD, account);
      userId = await openAccount(email, DEMO_PASSWORD, { givenName, familyName, postalCode, memberNumber, consentAt: new Date().toISOString() });
    }
    for (const grant of account.grants) {
      const person = (await PersonEntity.get({ userId }).go()).data!;
      if (!person.roles?.some((g) => g.role === grant.role && g.scopeId === grant.scopeId)) await writeGrant(person, grant, 'system');
    }
  }
}

/**
 * Demo events (issue 6): a leafleting action with two slots next Saturday, a section meeting, a
 * public training of the federation, and last month's actions with their reports (so the dashboards
 * show numbers). Made through the domain's own functions, as the demo officials (with their powers,
 * as if their TOTP were on). Skipped when Mulhouse already has events.
 */
export async function seedDemoEvents(): Promise<void> {
  const { loadCaller } = await import('../../functions/src/domain/access/load-caller');
  const { EventEntity } = await import('../../functions/src/domain/events/entities');
  const { migrateEventSpaceKeys } = await import('../../functions/src/domain/events/migrations');
  const events = await import('../../functions/src/domain/events/service');
  const { parisDay, parisWallClockToIso } = await import('../../functions/src/contracts/paris-time');
  const { submitReport } = await import('../../functions/src/domain/reports/service');
  const { PersonEmailEntity } = await import('../../functions/src/domain/people/entities');

  await migrateEventSpaceKeys(); // events kept on disk from before the agenda's key convention (ADR 0017)
  const existing = await EventEntity.query.bySpace({ spaceKey: 'section:mulhouse' }).go({ limit: 1 });
  if (existing.data.length) return;
  const as = async (email: string) => {
    const { data } = await PersonEmailEntity.get({ email }).go();
    const caller = await loadCaller({ kind: 'user', sub: data!.userId, email });
    return caller.kind === 'person' ? { ...caller, mfaVerified: true } : caller;
  };
  const secretary = await as('secretaire.mulhouse@coopol.example');
  const officer = await as('federation.68@coopol.example');
  const marc = await as('adherent.mulhouse@coopol.example');

  const day = (offset: number, hour: number) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + offset);
    return parisWallClockToIso(`${parisDay(d)}T${String(hour).padStart(2, '0')}:00`)!;
  };
  const saturday = ((6 - new Date().getUTCDay() + 7) % 7) || 7;
  const place = { address: 'Marché du Canal couvert, quai de la Cloche, Mulhouse', lat: 47.7467, lon: 7.3389 };

  const leafleting = await events.createEvent(secretary, {
    space: { type: 'section', id: 'mulhouse' }, kind: 'tractage', title: 'Tractage au marché du Canal (démo)',
    description: 'Distribution du tract sur les transports en commun. Rendez-vous devant la halle, gilets fournis.',
    start: day(saturday, 9), end: day(saturday, 13), place, visibility: 'members',
    slots: [{ start: day(saturday, 9), end: day(saturday, 11), needed: 3 }, { start: day(saturday, 11), end: day(saturday, 13), needed: 3 }],
    announce: false,
  });
  await events.signUpForSlot(marc, leafleting.id, leafleting.slots[0]!.id);
  await events.createEvent(secretary, {
    space: { type: 'section', id: 'mulhouse' }, kind: 'reunion', title: 'Réunion de section (démo)',
    description: 'Ordre du jour : bilan des tractages, préparation des municipales.', start: day(10, 19), end: day(10, 21),
    place: { address: 'Salle Gambrinus, 5 rue des Franciscains, Mulhouse' }, visibility: 'section', capacity: 30, slots: [], announce: false,
  });
  await events.createEvent(officer, {
    space: { type: 'federation', id: '68' }, kind: 'formation', title: 'Formation au porte-à-porte (démo)',
    description: 'Ouverte à toutes et à tous, sympathisants compris.', start: day(14, 14), end: day(14, 17),
    place: { address: 'Maison des associations, Colmar' }, visibility: 'public', slots: [], announce: false,
  });
  // Last month's actions and their reports.
  const past = [
    { by: secretary, section: 'mulhouse', title: 'Tractage gare centrale (démo)', report: { leaflets: 450, doors: 0, peopleReached: 60, contacts: 5 } },
    { by: officer, section: 'colmar', title: 'Porte-à-porte quartier Europe (démo)', report: { leaflets: 120, doors: 210, peopleReached: 85, contacts: 12 } },
  ];
  for (const action of past) {
    const event = await events.createEvent(action.by, {
      space: { type: 'section', id: action.section }, kind: 'tractage', title: action.title, description: '',
      start: day(-30, 10), end: day(-30, 12), place: { address: `${action.section}, centre-ville` }, visibility: 'section', slots: [], announce: false,
    });
    await submitReport(action.by, event.id, { ...action.report, remarks: 'Bon accueil dans l’ensemble (démo).' });
  }
}

/**
 * Demo social network: two thematic groups (one open, one closed with a request waiting), friends,
 * posts in the Mulhouse section, the Haut-Rhin federation and a group, a comment and a mention —
 * through the same domain functions as the API, so the stream jobs (feed, notifications, search)
 * build feeds and bells as they would for anyone. No links to outside pages: a preview would fetch them.
 * Only on a table without them.
 */
export async function seedDemoSocial(): Promise<void> {
  const { loadCaller } = await import('../../functions/src/domain/access/load-caller');
  const { PersonEmailEntity } = await import('../../functions/src/domain/people/entities');
  const { PostEntity } = await import('../../functions/src/domain/social/entities');
  const groups = await import('../../functions/src/domain/social/groups');
  const posts = await import('../../functions/src/domain/social/posts');
  const friends = await import('../../functions/src/domain/social/friends');
  const messaging = await import('../../functions/src/domain/messaging/service');

  const existing = await PostEntity.query.bySpace({ spaceKey: 'section:mulhouse' }).go({ limit: 1 });
  if (existing.data.length) return;
  const as = async (email: string) => {
    const { data } = await PersonEmailEntity.get({ email }).go();
    const caller = await loadCaller({ kind: 'user', sub: data!.userId, email });
    return caller.kind === 'person' ? { ...caller, mfaVerified: true } : caller;
  };
  const agathe = await as('animatrice@coopol.example');
  const samir = await as('secretaire.mulhouse@coopol.example');
  const marc = await as('adherent.mulhouse@coopol.example');
  const rose = await as('referent.mulhouse@coopol.example');
  const fanny = await as('federation.68@coopol.example');
  const ines = await as('adherente.paris11@coopol.example');
  const simon = await as('sympathisant@coopol.example');
  const idOf = (caller: Awaited<ReturnType<typeof as>>) => (caller.kind === 'person' ? caller.userId : '');

  const health = await groups.createGroup(agathe, {
    name: 'Soignantes et soignants (démo)',
    description: 'Hôpital public, EHPAD, soins à domicile : on partage ce qui se passe sur le terrain et on prépare nos propositions.',
    kind: 'open',
    audience: 'all',
  });
  for (const person of [marc, ines, simon]) await groups.joinGroup(person, health.id);
  const teachers = await groups.createGroup(ines, {
    name: 'Enseignantes et enseignants (démo)',
    description: 'Groupe fermé aux adhérents : l’école, la réforme du lycée, nos interventions dans les conseils d’école.',
    kind: 'closed',
    audience: 'members',
  });
  await groups.joinGroup(marc, teachers.id); // a request, waiting for Inès

  await friends.requestFriend(marc, idOf(samir));
  await friends.acceptFriend(samir, idOf(marc));
  await friends.requestFriend(rose, idOf(marc)); // waiting for Marc

  await posts.createPost(fanny, {
    space: { type: 'federation', id: '68' },
    text: 'Bienvenue sur Coopol à toutes les sections du **Haut-Rhin** ! Les agendas de section sont ouverts : pensez à y mettre vos actions.',
  });
  const leafleting = await posts.createPost(samir, {
    space: { type: 'section', id: 'mulhouse' },
    text: 'Samedi, tractage au marché du Canal : il manque encore du monde sur le créneau de 11 h. Inscrivez-vous depuis l’agenda de la section.\n\n- gilets fournis\n- rendez-vous devant la halle',
  });
  await posts.addComment(marc, leafleting.id, { text: 'Je prends le créneau de 9 h, @Samir Démo, et j’amène des tracts en plus.' });
  await posts.createPost(marc, {
    space: { type: 'section', id: 'mulhouse' },
    text: 'Compte-rendu du porte-à-porte rue de Bâle : très bon accueil, beaucoup de questions sur les transports. On y retourne le mois prochain ?',
  });
  await posts.createPost(agathe, {
    space: { type: 'group', id: health.id },
    text: 'Première réunion du groupe en visio jeudi à 20 h. Ordre du jour : les fermetures de lits cet été. _Venez avec vos témoignages._',
  });

  // A conversation between two coopains of the section, and one of three people: Marc's inbox is not empty.
  const say = (caller: Awaited<ReturnType<typeof as>>, conversationId: string, text: string, n: number) =>
    messaging.sendMessage(caller, conversationId, { text, clientMessageId: `demo-${conversationId.slice(2, 10).replace(/[^\w-]/g, '-')}-${n}` });
  const direct = (await messaging.startConversation(samir, [idOf(marc)])).conversation.id;
  await say(samir, direct, 'Salut Marc ! Merci pour le créneau de 9 h samedi.', 1);
  await say(marc, direct, 'Avec plaisir. Je passe prendre les tracts au local vendredi soir ?', 2);
  await say(samir, direct, 'Oui, la clé est chez Rose. Le plan du marché est ici : https://example.org/plan-du-marche', 3);
  const trio = (await messaging.startConversation(rose, [idOf(marc), idOf(samir)])).conversation.id;
  await say(rose, trio, 'On fait le point sur le porte-à-porte de la rue de Bâle jeudi, après la réunion ?', 1);

  // The health group's salon, opened by Agathe, who runs it; Marc joins (Inès and Simon may, from the group's page).
  // (Loaded again: a salon asks of each caller the groups they are in now.)
  const salons = await import('../../functions/src/domain/messaging/salons');
  const [agatheNow, marcNow] = [await as('animatrice@coopol.example'), await as('adherent.mulhouse@coopol.example')];
  const salon = await salons.setSalonOpen(agatheNow, { type: 'group', id: health.id }, true);
  await salons.joinSalon(marcNow, { type: 'group', id: health.id });
  await say(agatheNow, salon.conversationId, 'Bienvenue dans le salon du groupe : pour les questions rapides entre deux réunions.', 1);
  await say(marcNow, salon.conversationId, 'Merci ! Quelqu’un a le compte-rendu du conseil de surveillance de l’hôpital ?', 2);
  // Agathe answers with the file: uploaded, checked and attached as the site does it.
  const attachments = await import('../../functions/src/domain/social/attachments');
  /** A demo PDF uploaded to the files bucket and checked, as the site does it: its attachment's id. */
  const uploadPdf = async (caller: Awaited<ReturnType<typeof as>>, name: string, lines: string[]) => {
    const bytes = demoPdf(lines);
    const upload = await attachments.createAttachmentUpload(caller, { name, contentType: 'application/pdf', size: bytes.length });
    const form = new FormData();
    for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const stored = await fetch(upload.url, { method: 'POST', body: form });
    if (!stored.ok) throw new Error(`the demo file ${name} was refused by the files bucket: ${stored.status}`);
    await attachments.confirmAttachment(caller, upload.attachment.id);
    return upload.attachment.id;
  };
  const minutes = await uploadPdf(agatheNow, 'Compte rendu conseil de surveillance (démo).pdf', ['Compte rendu (démo)', 'Conseil de surveillance de l’hôpital — document fictif', 'Ordre du jour : les fermetures de lits cet été.', 'Ce fichier sert de démonstration à Coopol.']);
  await messaging.sendMessage(agatheNow, salon.conversationId, { text: 'Le voici.', clientMessageId: 'demo-salon-file-3', attachments: [minutes] });

  // A leaflet shared in the Mulhouse section's documents, as the site does it (uploaded, checked, shared).
  const leaflet = await uploadPdf(samir, 'Tract transports (démo).pdf', ['Tract (démo)', 'Section de Mulhouse — document fictif', 'Des transports accessibles pour tous : signez la pétition samedi au marché.']);
  const documents = await import('../../functions/src/domain/documents/service');
  await documents.addSpaceDocuments(samir, { type: 'section', id: 'mulhouse' }, { attachments: [leaflet], folder: 'Tracts', description: 'Le tract de la campagne transports, à imprimer en A5 recto verso.' });

  // A motion of the Mulhouse section (issue 17): written by Samir, amended by Marc and Rose, one amendment
  // accepted and merged into version 2, one still waiting for the section's decision.
  const texts = await import('../../functions/src/domain/texts/service');
  const motion = await texts.createText(samir, {
    space: { type: 'section', id: 'mulhouse' },
    title: 'Motion pour des transports accessibles (démo)',
    blocks: [
      { kind: 'heading', text: 'Constat' },
      { kind: 'paragraph', text: 'Dans l’agglomération mulhousienne, un habitant sur cinq n’a pas de voiture ; les lignes de bus s’arrêtent avant 21 h et les quartiers de Bourtzwiller et des Coteaux restent mal desservis le dimanche.' },
      { kind: 'heading', text: 'Nos propositions' },
      { kind: 'item', text: 'La gratuité des transports pour les moins de vingt-six ans.' },
      { kind: 'item', text: 'Une ligne de bus de nuit le vendredi et le samedi.' },
      { kind: 'item', text: 'Des vélos en libre-service dans chaque quartier.' },
      { kind: 'paragraph', text: 'La section portera cette motion au congrès fédéral et auprès de l’agglomération. Texte fictif, pour la démonstration de Coopol.' },
    ],
  });
  await texts.openText(samir, motion.id, new Date(Date.now() + 30 * 86_400_000).toISOString());
  const [, , , free, night] = motion.blocks;
  const accepted = await texts.proposeAmendment(marc, motion.id, {
    version: 1,
    changes: [{ op: 'replace', blockId: free!.id, text: 'La gratuité des transports pour les moins de vingt-six ans et les demandeurs d’emploi.' }],
    justification: 'Les demandeurs d’emploi sont les premiers à renoncer à se déplacer pour un entretien.',
  });
  await texts.decideAmendment(samir, motion.id, accepted.id, 'accepted', 'Adopté en réunion de section.');
  await texts.publishTextVersion(samir, motion.id, 1);
  await texts.proposeAmendment(rose, motion.id, {
    version: 2,
    changes: [{ op: 'replace', blockId: night!.id, text: 'Une ligne de bus de nuit tous les soirs de la semaine.' }],
    justification: 'Les soignants et les salariés de l’industrie finissent tard en semaine aussi.',
  });
}
