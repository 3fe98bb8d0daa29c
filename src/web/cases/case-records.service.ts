import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { ContactsService } from '../../contacts/contacts.service';
import { MilestonesService } from '../../milestones/milestones.service';
import { UpdatesService } from '../../updates/updates.service';
import { WellbeingService } from '../../wellbeing/wellbeing.service';
import { OfficerView } from '../../officers/officers.service';
import { HandbookSectionSource } from '../handbook/handbook-section';
import { OfficerNames } from './case-page-model';
import { contactLog, milestoneTimeline, updatesOwed, wellbeingList } from './case-records';

/** The case page's record sections: updates owed, contact log, wellbeing checks, milestones and handbook prints. */
@Injectable()
export class CaseRecordsService {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly updates: UpdatesService,
    private readonly contacts: ContactsService,
    private readonly wellbeing: WellbeingService,
    private readonly handbook: HandbookSectionSource,
  ) {}

  async sections(actor: Actor, kase: CaseView, names: OfficerNames, officers: OfficerView[]) {
    const byUsername = new Map(officers.map((officer) => [officer.username, `${officer.name} (${officer.collarNumber})`]));
    const printedBy = (username: string | null) =>
      username === null ? 'Unknown' : username.startsWith('cli:') ? 'From the command line' : (byUsername.get(username) ?? 'An officer of another team');
    const [milestones, updates, contacts, checks, handbook] = await Promise.all([
      this.milestones.list(actor, kase.id),
      this.updates.list(actor, kase.id),
      this.contacts.list(actor, kase.id),
      this.wellbeing.list(actor, kase.id),
      this.handbook.sectionFor(actor, kase, printedBy),
    ]);
    const arrested = kase.arrestDate !== null;
    return {
      arrested,
      milestones: milestoneTimeline(kase.id, milestones),
      newMilestoneHref: `/cases/${kase.id}/milestones/new`,
      updates: updatesOwed(kase.id, updates, milestones),
      contacts: contactLog(kase, contacts, names),
      newContactHref: `/cases/${kase.id}/contacts/new`,
      wellbeing: wellbeingList(kase.id, checks),
      newWellbeingHref: `/cases/${kase.id}/wellbeing-checks/new`,
      handbook,
    };
  }
}
