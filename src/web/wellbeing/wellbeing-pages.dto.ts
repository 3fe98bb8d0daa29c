import { IsIn, IsOptional } from 'class-validator';
import { IsId } from '../../common/validators';

/** `/cases/:id/wellbeing-checks/:checkId`. */
export class WellbeingCheckParams {
  @IsId()
  id: string;

  @IsId()
  checkId: string;
}

/** `?saved=true`: the check was just recorded. */
export class WellbeingCheckPageQuery {
  @IsOptional()
  @IsIn(['true'])
  saved?: 'true';
}
