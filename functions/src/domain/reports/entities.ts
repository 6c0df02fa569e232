import { Entity, Service } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';

/**
 * Field reports (« comptes-rendus ») and their roll-up totals, kept up to date as reports arrive
 * (ADR 0011): a dashboard reads a level's totals in a constant number of requests, never the reports.
 * Access patterns: docs/ACCESS_PATTERNS.md § Field reports.
 */
const config = { table: tableName, client: documentClient };

const levels = ['section', 'federation', 'region', 'national', 'group'] as const;
const counters = {
  reports: { type: 'number' },
  leaflets: { type: 'number' },
  doors: { type: 'number' },
  peopleReached: { type: 'number' },
  contacts: { type: 'number' },
} as const;

/** One report per event, in the event's partition. */
export const ReportEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'report', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      /** The Paris month of the action (`2026-03`): the period its numbers count in. */
      month: { type: 'string', required: true },
      leaflets: { type: 'number', required: true },
      doors: { type: 'number', required: true },
      peopleReached: { type: 'number', required: true },
      contacts: { type: 'number', required: true },
      remarks: { type: 'string', required: true, default: '' },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
      /** Bumped on each correction; the roll-up changes by the difference, under this condition. */
      version: { type: 'number', required: true },
    },
    indexes: { byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: [] } } },
  },
  config,
);

/** A level's totals for one month (section, federation, region or national). */
export const LevelTotalsEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'levelTotals', version: '1' },
    attributes: {
      level: { type: levels, required: true },
      levelId: { type: 'string', required: true },
      month: { type: 'string', required: true },
      ...counters,
    },
    indexes: {
      byLevel: { pk: { field: 'pk', composite: ['level', 'levelId'] }, sk: { field: 'sk', composite: ['month'] } },
    },
  },
  config,
);

/** One child's totals for one month, kept in its parent's partition (a federation's sections…). */
export const ChildTotalsEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'childTotals', version: '1' },
    attributes: {
      level: { type: levels, required: true },
      levelId: { type: 'string', required: true },
      month: { type: 'string', required: true },
      childId: { type: 'string', required: true },
      childName: { type: 'string', required: true },
      ...counters,
    },
    indexes: {
      byParent: { pk: { field: 'pk', composite: ['level', 'levelId'] }, sk: { field: 'sk', composite: ['month', 'childId'] } },
    },
  },
  config,
);

/**
 * One report as a line of each level it counts in (which event, who reported, its figures), in the
 * level's partition: the roll-up shows who reported what without reading the reports one by one.
 */
export const ReportLineEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'reportLine', version: '1' },
    attributes: {
      level: { type: levels, required: true },
      levelId: { type: 'string', required: true },
      month: { type: 'string', required: true },
      eventId: { type: 'string', required: true },
      title: { type: 'string', required: true },
      spaceName: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      leaflets: { type: 'number', required: true },
      doors: { type: 'number', required: true },
      peopleReached: { type: 'number', required: true },
      contacts: { type: 'number', required: true },
      /** The reporter's remarks, shown with the figures (absent on lines written before they were copied). */
      remarks: { type: 'string' },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byLevel: { pk: { field: 'pk', composite: ['level', 'levelId'] }, sk: { field: 'sk', composite: ['month', 'eventId'] } },
    },
  },
  config,
);

export const reportsService = new Service({ report: ReportEntity, level: LevelTotalsEntity, child: ChildTotalsEntity, line: ReportLineEntity });
