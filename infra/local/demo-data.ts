import type { NewSection } from '../../functions/src/domain/territory/service';
import type { Grant } from '../../functions/src/domain/access/caller';

/**
 * Demo data for the local stack. Everything here is fictitious: the people are invented, their
 * addresses use the reserved `.example` domain, and the password is printed at start-up.
 */
export const demoSections: NewSection[] = [
  { sectionId: 'mulhouse', name: 'Section de Mulhouse', kind: 'commune', federationCode: '68', communeCode: '68224', communeName: 'Mulhouse', description: 'La section des militantes et militants de Mulhouse : réunions le premier mardi du mois, tractage au marché du Canal couvert le samedi.' },
  { sectionId: 'colmar', name: 'Section de Colmar', kind: 'commune', federationCode: '68', communeCode: '68066', communeName: 'Colmar', description: 'Section de Colmar et des communes voisines.' },
  { sectionId: 'paris-11', name: 'Section Paris 11e', kind: 'quartier', federationCode: '75', communeCode: '75111', communeName: 'Paris 11e Arrondissement', description: 'Section du 11e arrondissement de Paris : permanences le jeudi soir.' },
  { sectionId: 'paris-18', name: 'Section Paris 18e', kind: 'quartier', federationCode: '75', communeCode: '75118', communeName: 'Paris 18e Arrondissement', description: 'Section du 18e arrondissement de Paris.' },
  { sectionId: 'marseille-centre', name: 'Section Marseille Centre', kind: 'quartier', federationCode: '13', communeCode: '13055', communeName: 'Marseille', description: 'Section des 1er et 7e arrondissements de Marseille.' },
  { sectionId: 'rennes', name: 'Section de Rennes', kind: 'commune', federationCode: '35', communeCode: '35238', communeName: 'Rennes', description: 'Section de Rennes : porte-à-porte dans les quartiers chaque mois.' },
  { sectionId: 'lille', name: 'Section de Lille', kind: 'commune', federationCode: '59', communeCode: '59350', communeName: 'Lille', description: 'Section de Lille, Hellemmes et Lomme.' },
  { sectionId: 'hopital-nord', name: 'Section d’entreprise de l’Hôpital Nord', kind: 'entreprise', federationCode: '13', description: 'Section d’entreprise des personnels de l’hôpital.' },
  // The longest name of the demo: pages are checked at 320 px with it (issue 13).
  { sectionId: 'etang-de-berre', name: 'Section intercommunale de l’étang de Berre et de la Côte Bleue', kind: 'commune', federationCode: '13', description: 'Section des communes autour de l’étang : réunions tournantes, covoiturage pour les actions en ville.' },
  { sectionId: 'berlin', name: 'Section de Berlin', kind: 'etranger', federationCode: '99', description: 'Les Français de Berlin et du Brandebourg.' },
];

export const DEMO_PASSWORD = 'Demo-Coopol-2026!';

export interface DemoAccount {
  email: string;
  givenName: string;
  familyName: string;
  /** What this account demonstrates, as the French UI names it. */
  role: string;
  /** Members are in the demo member file with this number and section; supporters have neither. */
  memberNumber?: string;
  sectionId?: string;
  postalCode: string;
  /** Every power the account has, as role grants in the table (written by the seed as an admin would). */
  grants: Grant[];
}

export const demoAccounts: DemoAccount[] = [
  { email: 'admin.nationale@coopol.example', givenName: 'Aline', familyName: 'Démo', role: 'administratrice nationale', memberNumber: 'D0000001', sectionId: 'paris-11', postalCode: '75011', grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }] },
  { email: 'dpo@coopol.example', givenName: 'Dorian', familyName: 'Démo', role: 'délégué à la protection des données', postalCode: '75018', grants: [{ role: 'privacy-officer', scopeType: 'national', scopeId: 'national' }] },
  { email: 'federation.68@coopol.example', givenName: 'Fanny', familyName: 'Démo', role: 'responsable fédérale (Haut-Rhin)', memberNumber: 'D0000002', sectionId: 'colmar', postalCode: '68000', grants: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '68' }] },
  { email: 'secretaire.mulhouse@coopol.example', givenName: 'Samir', familyName: 'Démo', role: 'secrétaire de section (Mulhouse)', memberNumber: 'D0000003', sectionId: 'mulhouse', postalCode: '68100', grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }] },
  { email: 'referent.mulhouse@coopol.example', givenName: 'Marie-Christine', familyName: 'Démo-Lefebvre', role: 'référente web (Mulhouse)', memberNumber: 'D0000004', sectionId: 'mulhouse', postalCode: '68100', grants: [{ role: 'web-referent', scopeType: 'section', scopeId: 'mulhouse' }] },
  { email: 'animatrice@coopol.example', givenName: 'Agathe', familyName: 'Démo', role: 'animatrice de groupe thématique', memberNumber: 'D0000005', sectionId: 'rennes', postalCode: '35000', grants: [] },
  { email: 'adherent.mulhouse@coopol.example', givenName: 'Marc', familyName: 'Démo', role: 'adhérent (Mulhouse)', memberNumber: 'D0000006', sectionId: 'mulhouse', postalCode: '68100', grants: [] },
  { email: 'adherente.paris11@coopol.example', givenName: 'Inès', familyName: 'Démo', role: 'adhérente (Paris 11e)', memberNumber: 'D0000007', sectionId: 'paris-11', postalCode: '75011', grants: [] },
  { email: 'sympathisant@coopol.example', givenName: 'Simon', familyName: 'Démo', role: 'sympathisant', postalCode: '68200', grants: [] },
];

/** The demo member file: the demo members, as the national admin would import it. */
export function demoMemberFile(): string {
  const lines = demoAccounts
    .filter((a) => a.memberNumber && a.sectionId)
    .map((a) => [a.memberNumber, a.familyName, a.givenName, a.email, a.sectionId].join(';'));
  return ['numero;nom;prenom;email;section', ...lines].join('\n');
}

/** Regions open from the start (the first wave): those of the demo sections, plus the federation abroad. */
const pilotRegions = ['11', '32', '44', '53', '93'];

/** The demo waves: the first one is opened by the seed, the others stay drafts. */
export function demoWaves() {
  const inDays = (days: number, hour: number) => {
    const date = new Date(Date.now() + days * 24 * 3600_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  return [
    {
      name: 'Vague 1 — territoires pilotes',
      regionCodes: pilotRegions,
      federationCodes: ['99'],
      opensAt: new Date().toISOString(),
      trainings: [{ title: 'Formation des référents web (pilotes)', startsAt: inDays(-7, 17), place: 'En visio' }],
    },
    {
      name: 'Vague 2 — Occitanie et Nouvelle-Aquitaine',
      regionCodes: ['75', '76'],
      federationCodes: [],
      opensAt: inDays(30, 8),
      trainings: [
        { title: 'Formation des référents web — Toulouse', startsAt: inDays(20, 17), place: 'Fédération de Haute-Garonne, Toulouse' },
        { title: 'Formation des référents web — en visio', startsAt: inDays(22, 18), place: 'En visio' },
      ],
    },
  ];
}

/** Fictitious people waiting for the second wave (their mails land in the mail viewer). */
export const demoPreregistrations = [
  { email: 'preinscrite.toulouse@coopol.example', postalCode: '31000', kind: 'member' as const },
  { email: 'preinscrit.montpellier@coopol.example', postalCode: '34000', kind: 'supporter' as const },
  { email: 'preinscrite.bordeaux@coopol.example', postalCode: '33000', kind: 'supporter' as const },
];

/**
 * A one-page PDF of a few lines (Helvetica, Latin-1), obviously a demo: the files of the demo's
 * messages, built here so that the repository carries no binary and a reader opens a real document.
 */
export function demoPdf(lines: string[]): Buffer {
  const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
