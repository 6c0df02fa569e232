import * as z from 'zod';
import { pageOf } from './common';

export const RegionCode = z.string().regex(/^\d{2,3}$/, 'code région INSEE (2 ou 3 chiffres)');
export const FederationCode = z
  .string()
  .regex(/^(\d{2,3}|2A|2B)$/, 'code de fédération : numéro de département (ex. 68, 2A, 974) ou 99 (étranger)');
export const SectionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'identifiant de section (minuscules, chiffres, tirets)');
export const PostalCode = z.string().regex(/^\d{5}$/, 'code postal à 5 chiffres');

export const TerritoryZone = z.enum(['metro', 'drom', 'com']);

export const Region = z
  .object({ code: RegionCode, name: z.string(), zone: TerritoryZone })
  .meta({ id: 'Region', description: 'Région (géographie officielle INSEE).' });
export type Region = z.infer<typeof Region>;

export const Federation = z
  .object({
    code: FederationCode,
    name: z.string(),
    /** Null for the federation of members abroad. */
    regionCode: RegionCode.nullable(),
    regionName: z.string().nullable(),
  })
  .meta({ id: 'Federation', description: 'Fédération : une par département, plus celle des Français de l’étranger.' });
export type Federation = z.infer<typeof Federation>;

export const SectionKind = z.enum(['commune', 'quartier', 'entreprise', 'etranger']);

export const Section = z
  .object({
    id: SectionId,
    name: z.string(),
    kind: SectionKind,
    description: z.string(),
    federationCode: FederationCode,
    federationName: z.string(),
    regionCode: RegionCode.nullable(),
    regionName: z.string().nullable(),
    /** INSEE code of the commune the section sits in, when it has one. */
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
  })
  .meta({ id: 'Section', description: 'Section locale : une commune, un quartier, une entreprise.' });
export type Section = z.infer<typeof Section>;

export const RegionDetail = Region.extend({ federations: z.array(Federation) }).meta({ id: 'RegionDetail' });
export type RegionDetail = z.infer<typeof RegionDetail>;

export const FederationDetail = Federation.extend({ sectionCount: z.number().int().nonnegative() }).meta({
  id: 'FederationDetail',
});
export type FederationDetail = z.infer<typeof FederationDetail>;

export const RegionList = z.object({ items: z.array(Region) }).meta({ id: 'RegionList' });
export const FederationList = z.object({ items: z.array(Federation) }).meta({ id: 'FederationList' });
export const SectionPage = pageOf(Section, 'SectionPage');
export type SectionPage = z.infer<typeof SectionPage>;

export const PostalCodeResolution = z
  .object({
    postalCode: PostalCode,
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        federation: z.object({ code: FederationCode, name: z.string() }),
        region: z.object({ code: RegionCode, name: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'PostalCodeResolution', description: 'Commune(s), fédération et région d’un code postal.' });
export type PostalCodeResolution = z.infer<typeof PostalCodeResolution>;

