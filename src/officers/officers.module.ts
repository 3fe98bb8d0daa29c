import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Officer } from './officer.entity';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';
import { Team } from './team.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Officer, Team]), AuthModule],
  controllers: [OfficersController],
  providers: [OfficersService],
  exports: [OfficersService],
})
export class OfficersModule {}
