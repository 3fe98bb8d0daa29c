import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OfficersService } from '../officers/officers.service';
import { AllowRoles, CurrentActor, Public } from './access-rules';
import { Actor } from './actor';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly officers: OfficersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Ip() address: string) {
    const session = await this.auth.login(body.username, body.password, 'api', address);
    return { token: session.token, expiresAt: session.expiresAt, officer: this.officers.toView(session.officer) };
  }

  @ApiBearerAuth()
  @AllowRoles('officer', 'supervisor', 'admin')
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @AllowRoles('officer', 'supervisor', 'admin')
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.officers.getView(actor.id);
  }
}
