import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { FieldProblem } from '../../common/domain-error';
import { SUPPORT_DIRECTORY } from '../../handbook/handbook.service';
import { SupportAudience, SupportEntry } from '../../handbook/support-directory';
import { UpdateSettingsDto } from '../../settings/dto/settings.dto';
import { SettingsChangeService } from '../../settings/settings-change.service';
import { SettingsService } from '../../settings/settings.service';
import { FormBody, FormValues } from '../forms/form-body';
import { formProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { formatDate, formatDateTime } from '../labels';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import { postedSettingsValues, settingsBody, settingsFormModel, settingsFormState, settingsValues } from './settings-form';

const AUDIENCE_LABELS: Record<SupportAudience, string> = {
  everyone: 'Every family',
  children: 'Families with children',
  'children-at-home': 'Children at home',
  'partner-works-with-children': 'Partner works with children',
  remanded: 'Suspect remanded in custody',
};

function contactText(entry: SupportEntry): string[] {
  const { phone, text, web, email } = entry.contact ?? {};
  return [
    phone ? `Phone ${phone}` : null,
    text ? `Text ${text.message ? `${text.message} to ` : ''}${text.number}` : null,
    web ? `Web ${web}` : null,
    email ? `Email ${email}` : null,
  ].filter((line): line is string => line !== null);
}

function statusTag(entry: SupportEntry) {
  if (!entry.verified) return { text: 'Not verified: never printed', classes: 'govuk-tag--red' };
  if (!entry.enabled) return { text: 'Switched off', classes: 'govuk-tag--grey' };
  return { text: 'Printed', classes: 'govuk-tag--green' };
}

/** The admin's force settings (the service standards) and the support directory. */
@Injectable()
export class AdminSettingsService {
  constructor(
    private readonly settings: SettingsService,
    private readonly changes: SettingsChangeService,
    @Inject(SUPPORT_DIRECTORY) private readonly directory: SupportEntry[],
  ) {}

  async settingsForm(saved: boolean): Promise<PageResult> {
    const current = await this.settings.view();
    return this.settingsPage(settingsValues(current), [], saved, current.updatedAt);
  }

  async saveSettings(actor: Actor, form: FormBody): Promise<WebResult> {
    const values = postedSettingsValues(form);
    const validated = await validateAs(UpdateSettingsDto, settingsBody(form));
    let problems: FieldProblem[];
    let status = 400;
    if (validated.ok) {
      try {
        await this.changes.update(actor, validated.value);
        return redirectTo('/admin/settings?saved=true');
      } catch (error) {
        const shown = formProblems(error);
        if (!shown) throw error;
        ({ problems, status } = shown);
      }
    } else {
      problems = validated.problems;
    }
    const current = await this.settings.view();
    // A stale form goes on from the version now stored, with the admin's own values still shown.
    return this.settingsPage({ ...values, version: String(current.version) }, problems, false, current.updatedAt, status);
  }

  supportDirectory(): PageResult {
    const entries = this.directory;
    return page('admin/support-directory', {
      title: pageTitle('Support directory'),
      printed: entries.filter((entry) => entry.enabled && entry.verified).length,
      entries: entries.map((entry) => ({
        name: entry.name,
        key: entry.key,
        what: entry.what,
        contact: contactText(entry),
        audience: entry.audience.map((audience) => AUDIENCE_LABELS[audience]).join(', '),
        source: entry.source,
        checkedOn: formatDate(entry.checkedOn) ?? entry.checkedOn,
        status: statusTag(entry),
        local: entry.local === true,
      })),
    });
  }

  private settingsPage(values: FormValues, problems: FieldProblem[], saved: boolean, updatedAt: Date | null, status = 200): PageResult {
    const state = settingsFormState(values, problems);
    return page(
      'admin/settings',
      {
        title: pageTitle('Force settings', state.hasErrors),
        saved: saved ? 'Settings saved: every open case’s updates are being worked out again with them' : null,
        lastChanged: updatedAt ? formatDateTime(updatedAt) : null,
        form: settingsFormModel(state),
      },
      status,
    );
  }
}
