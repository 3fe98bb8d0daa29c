import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class AlertListQuery {
  /** `false`: only alerts still waiting for a supervisor; `true`: only acknowledged ones. */
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'acknowledged must be true or false' })
  acknowledged?: 'true' | 'false';
}
