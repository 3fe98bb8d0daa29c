import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class HandbookQuery {
  /** `?largePrint=true` prints in a bigger type for families who need it. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'largePrint must be true or false' })
  largePrint?: boolean;
}
