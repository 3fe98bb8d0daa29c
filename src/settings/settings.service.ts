import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../common/unique-violation';
import { CompiledFind } from '../database/compiled-find';
import { UnitOfWork } from '../database/unit-of-work';
import { DEFAULT_RULE_SETTINGS, RuleSettings, applyRuleSettings, validateRuleSettings } from '../rules';
import { ForceSettings } from './force-settings.entity';
import { DEFAULT_RETENTION_SETTINGS, RetentionSettings, isRetentionSetting, validateRetentionSettings } from './retention-settings';

const SETTINGS_ID = 'force';
/** Every schedule recompute reads the settings row (its SQL written once). */
const SETTINGS_ROW = new CompiledFind(ForceSettings, ['id'], { limit: 1 });

export interface SettingsView extends RuleSettings, RetentionSettings {
  /** 0 while the force runs on the defaults; PATCH may send it back to refuse a stale edit. */
  version: number;
  updatedAt: Date | null;
  updatedByOfficerId: string | null;
}

export interface SettingsChange {
  view: SettingsView;
  /** The rules' settings changed, so the stored schedules must be recomputed. */
  changed: boolean;
}

/**
 * The force's rule settings. Read fresh inside each transaction that needs them (one small row),
 * so a change made on one app instance applies on every instance from the next recompute.
 */
@Injectable()
export class SettingsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async rules(manager: EntityManager): Promise<RuleSettings> {
    return toRuleSettings(await SETTINGS_ROW.one(manager, SETTINGS_ID));
  }

  async retention(manager: EntityManager): Promise<RetentionSettings> {
    return toRetentionSettings(await SETTINGS_ROW.one(manager, SETTINGS_ID));
  }

  view(): Promise<SettingsView> {
    return this.unitOfWork.write(async (manager) => toView(await manager.findOne(ForceSettings, { where: { id: SETTINGS_ID } })));
  }

  async update(actor: Actor, patch: Partial<RuleSettings & RetentionSettings> & { version?: number }): Promise<SettingsChange> {
    const { version, ...given } = patch;
    // DTO instances carry every declared field; only the ones sent are a change.
    const sent = Object.entries(given).filter(([, value]) => value !== undefined);
    const fields = Object.fromEntries(sent.filter(([field]) => !isRetentionSetting(field))) as Partial<RuleSettings>;
    const retention = Object.fromEntries(sent.filter(([field]) => isRetentionSetting(field))) as Partial<RetentionSettings>;
    const problems = [...validateRuleSettings(fields), ...validateRetentionSettings(retention)];
    if (problems.length) {
      throw new DomainError(
        'invalid',
        `Invalid ${problems.map((p) => p.field).join(', ')}`,
        problems.map((p) => ({ field: p.field, messages: [`${p.field} ${p.message}`] })),
      );
    }
    return this.unitOfWork.write(async (manager) => {
      const row = await manager.findOne(ForceSettings, { where: { id: SETTINGS_ID } });
      const current = toView(row);
      if (version !== undefined && version !== current.version) {
        throw new DomainError('stale_version', `The settings were changed by someone else (now version ${current.version}). Reload them and try again.`, [
          { field: 'version', messages: [`is ${version} but the settings are at version ${current.version}`] },
        ]);
      }
      const next = applyRuleSettings(toRuleSettings(row), fields);
      const nextRetention = { ...toRetentionSettings(row), ...retention };
      const rulesChanged = JSON.stringify(next) !== JSON.stringify(toRuleSettings(row));
      const retentionChanged = JSON.stringify(nextRetention) !== JSON.stringify(toRetentionSettings(row));
      if (!rulesChanged && !retentionChanged) return { view: current, changed: false };
      const updatedAt = this.clock.now();
      if (!row) {
        // Two first edits at once: the loser hits the primary key and is told to reload.
        await manager.insert(ForceSettings, { id: SETTINGS_ID, settings: next, ...nextRetention, version: 1, updatedAt, updatedByOfficerId: actor.id }).catch((error) => {
          throw isUniqueViolation(error) ? new DomainError('stale_version', 'The settings were changed by someone else. Reload them and try again.') : error;
        });
      } else {
        const result = await manager
          .createQueryBuilder()
          .update(ForceSettings)
          .set({ settings: next, ...nextRetention, version: () => 'version + 1', updatedAt, updatedByOfficerId: actor.id })
          .where('id = :id AND version = :version', { id: SETTINGS_ID, version: row.version })
          .execute();
        if (result.affected === 0) {
          throw new DomainError('stale_version', 'The settings were changed by someone else. Reload them and try again.', [
            { field: 'version', messages: ['is out of date'] },
          ]);
        }
      }
      return { view: toView(await manager.findOneOrFail(ForceSettings, { where: { id: SETTINGS_ID } })), changed: rulesChanged };
    });
  }
}

function toRuleSettings(row: ForceSettings | null): RuleSettings {
  const stored: Partial<RuleSettings> = row?.settings ?? {};
  return {
    ...DEFAULT_RULE_SETTINGS,
    ...stored,
    advanceNoticeMilestoneTypes: [...(stored.advanceNoticeMilestoneTypes ?? DEFAULT_RULE_SETTINGS.advanceNoticeMilestoneTypes)],
  };
}

function toRetentionSettings(row: ForceSettings | null): RetentionSettings {
  return { retentionReviewMonths: row?.retentionReviewMonths ?? DEFAULT_RETENTION_SETTINGS.retentionReviewMonths };
}

function toView(row: ForceSettings | null): SettingsView {
  return {
    ...toRuleSettings(row),
    ...toRetentionSettings(row),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedByOfficerId: row?.updatedByOfficerId ?? null,
  };
}
