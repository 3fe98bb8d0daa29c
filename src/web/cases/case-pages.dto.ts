import { IsIn, IsOptional } from 'class-validator';
import { SAVED_MESSAGES, SavedMessage } from './case-page-model';

/** `/cases/:id?saved=created`: which confirmation to show after a form was saved. */
export class CasePageQuery {
  @IsOptional()
  @IsIn(Object.keys(SAVED_MESSAGES))
  saved?: SavedMessage;
}
