import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SchedulingModule } from '../updates/scheduling.module';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { IdempotencyStore } from './idempotency-store';

@Module({
  imports: [CasesModule, SchedulingModule],
  controllers: [ContactsController],
  providers: [ContactsService, IdempotencyStore],
  exports: [ContactsService],
})
export class ContactsModule {}
