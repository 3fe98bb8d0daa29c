import { IsId } from './validators';

export class IdParam {
  @IsId()
  id: string;
}
