import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { CasesService } from '../../cases/cases.service';
import { Clock } from '../../common/clock';
import { DomainError, FieldProblem } from '../../common/domain-error';
import { ContactView } from '../../contacts/contact-view';
import { ContactsService } from '../../contacts/contacts.service';
import { CreateContactDto } from '../../contacts/dto/contact.dto';
import { FormBody, FormValues } from '../forms/form-body';
import { recordFormProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS, formatDateTime } from '../labels';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import {
  CONTACT_FORM_FIELDS,
  contactBody,
  contactFormModel,
  contactFormState,
  correctionValues,
  freshIdempotencyKey,
  IDEMPOTENCY_FIELD,
  idempotencyKey,
  newContactValues,
  postedContactValues,
} from './contact-form';

/** Logging a contact with the family, and correcting an entry (entries are never edited in place). */
@Injectable()
export class ContactPagesService {
  constructor(
    private readonly cases: CasesService,
    private readonly contacts: ContactsService,
    private readonly clock: Clock,
  ) {}

  async newForm(actor: Actor, caseId: string): Promise<PageResult> {
    const kase = await this.cases.get(actor, caseId);
    return this.formPage(kase, null, newContactValues(this.clock.now(), kase), []);
  }

  async correctionForm(actor: Actor, caseId: string, contactId: string): Promise<PageResult> {
    const kase = await this.cases.get(actor, caseId);
    const original = await this.find(actor, caseId, contactId);
    return this.formPage(kase, original, correctionValues(original), []);
  }

  /** A double-submitted form carries the same key, so the service logs one entry and answers the second post with it. */
  async create(actor: Actor, caseId: string, form: FormBody, correctsContactId?: string): Promise<WebResult> {
    const values = postedContactValues(form);
    const mapped = contactBody(form, correctsContactId);
    const validated = await validateAs(CreateContactDto, mapped.body);
    let problems: FieldProblem[] = [...mapped.problems, ...(validated.ok ? [] : validated.problems)];
    let status = 400;
    if (validated.ok && !problems.length) {
      try {
        await this.contacts.create(actor, caseId, validated.value, idempotencyKey(form));
        return redirectTo(`/cases/${caseId}?saved=${correctsContactId ? 'correction' : 'contact'}#contacts`);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'unprocessable') {
          problems = [{ field: IDEMPOTENCY_FIELD, messages: [error.message] }];
          values[IDEMPOTENCY_FIELD] = freshIdempotencyKey();
          status = 422;
        } else {
          const shown = recordFormProblems(error, CONTACT_FORM_FIELDS, 'summary');
          if (!shown) throw error;
          ({ problems, status } = shown);
        }
      }
    }
    const kase = await this.cases.get(actor, caseId);
    const original = correctsContactId ? await this.find(actor, caseId, correctsContactId) : null;
    return this.formPage(kase, original, values, problems, status);
  }

  private async find(actor: Actor, caseId: string, contactId: string): Promise<ContactView> {
    const contact = (await this.contacts.list(actor, caseId)).find((c) => c.id === contactId);
    if (!contact) throw DomainError.notFound('Contact');
    return contact;
  }

  private formPage(kase: CaseView, original: ContactView | null, values: FormValues, problems: FieldProblem[], status = 200): PageResult {
    const state = contactFormState(values, problems);
    const heading = original ? 'Correct a contact log entry' : 'Log a contact';
    return page(
      'contacts/form',
      {
        title: pageTitle(heading, state.hasErrors),
        heading,
        reference: kase.reference,
        caseHref: `/cases/${kase.id}#contacts`,
        action: original ? `/cases/${kase.id}/contacts/${original.id}/correct` : `/cases/${kase.id}/contacts`,
        original: original
          ? {
              when: formatDateTime(original.occurredAt),
              how: `${CONTACT_METHOD_LABELS[original.method]}: ${CONTACT_OUTCOME_LABELS[original.outcome].toLowerCase()}`,
              summary: original.summary,
            }
          : null,
        submitText: original ? 'Log the correction' : 'Log contact',
        form: contactFormModel(state, kase),
      },
      status,
    );
  }
}
