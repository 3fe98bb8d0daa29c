import { IsId } from '../../common/validators';

/** `/cases/:id/contacts/:contactId/correct`. */
export class ContactParams {
  @IsId()
  id: string;

  @IsId()
  contactId: string;
}
