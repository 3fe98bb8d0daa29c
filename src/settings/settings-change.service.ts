import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { UpdateRefresher } from '../updates/update-refresher';
import { UpdateSettingsDto } from './dto/settings.dto';
import { SettingsService, SettingsView } from './settings.service';

/**
 * An admin's change to the force settings. The change is saved first; every open case is then
 * recomputed with it in the background (each case in its own transaction), and every later
 * recompute reads the new settings anyway.
 */
@Injectable()
export class SettingsChangeService {
  constructor(
    private readonly settings: SettingsService,
    private readonly refresher: UpdateRefresher,
  ) {}

  async update(actor: Actor, body: UpdateSettingsDto): Promise<SettingsView> {
    const { view, changed } = await this.settings.update(actor, body);
    if (changed) void this.refresher.recomputeAllInBackground(`settings changed by ${actor.username}`).catch(() => undefined);
    return view;
  }
}
