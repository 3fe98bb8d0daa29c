import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { ContactsService } from './contacts.service';
import { CreateContactDto } from './dto/contact.dto';
import { IDEMPOTENCY_HEADER, IdempotencyKeyHeader } from './idempotency';

@ApiTags('contacts')
@ApiBearerAuth()
@AllowRoles('officer', 'supervisor')
@Controller('api/cases/:id/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.contacts.list(actor, params.id);
  }

  @Post()
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'Same key and body again within 24 hours: the first answer, no new entry. Same key, other body: 422. After 24 hours the key is new again.' })
  create(
    @CurrentActor() actor: Actor,
    @Param() params: IdParam,
    @Body() body: CreateContactDto,
    @IdempotencyKeyHeader() key: string | null,
  ) {
    return this.contacts.create(actor, params.id, body, key);
  }
}
