import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { CreateOfficerDto, CreateTeamDto, UpdateOfficerDto } from './dto/officer.dto';
import { Officer } from './officer.entity';
import { Team } from './team.entity';

export interface OfficerView {
  id: string;
  username: string;
  name: string;
  collarNumber: string;
  workPhone: string;
  email: string;
  role: Officer['role'];
  teamId: string | null;
  active: boolean;
}

@Injectable()
export class OfficersService {
  constructor(
    @InjectRepository(Officer) private readonly officers: Repository<Officer>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly unitOfWork: UnitOfWork,
    private readonly auth: AuthService,
  ) {}

  toView(officer: Officer): OfficerView {
    const { id, username, name, collarNumber, workPhone, email, role, teamId, active } = officer;
    return { id, username, name, collarNumber, workPhone, email, role, teamId, active };
  }

  async getView(id: string): Promise<OfficerView> {
    return this.toView(await this.findOrFail(this.officers.manager, id));
  }

  /** Supervisors see their own team; admins see everyone. */
  async list(actor: Actor, teamId?: string): Promise<OfficerView[]> {
    const team = actor.role === 'admin' ? teamId : actor.teamId;
    const where = team ? { teamId: team } : {};
    const rows = await this.officers.find({ where, order: { name: 'ASC' } });
    return rows.map((o) => this.toView(o));
  }

  async create(dto: CreateOfficerDto): Promise<OfficerView> {
    const passwordHash = await hashPassword(dto.password);
    return this.unitOfWork.write(async (manager) => {
      await this.teamOrFail(manager, dto.teamId);
      if (await manager.exists(Officer, { where: { username: dto.username } })) {
        throw new DomainError('conflict', `An officer with username "${dto.username}" already exists`, [
          { field: 'username', messages: ['is already taken'] },
        ]);
      }
      const { password: _password, ...fields } = dto;
      const saved = await manager.save(manager.create(Officer, { ...fields, passwordHash, active: true }));
      return this.toView(saved);
    });
  }

  async update(id: string, dto: UpdateOfficerDto): Promise<OfficerView> {
    const view = await this.unitOfWork.write(async (manager) => {
      const officer = await this.findOrFail(manager, id);
      if (dto.teamId) await this.teamOrFail(manager, dto.teamId);
      if (Object.keys(dto).length === 0) return this.toView(officer);
      Object.assign(officer, dto);
      await manager.update(Officer, { id }, dto);
      if (dto.active === false) await this.auth.revokeAllFor(manager, id);
      return this.toView(officer);
    });
    // A new role or team, or a closed account, applies to the officer's next request.
    this.auth.signInsChanged();
    return view;
  }

  async listTeams(): Promise<Team[]> {
    return this.teams.find({ order: { name: 'ASC' } });
  }

  async createTeam(dto: CreateTeamDto): Promise<Team> {
    return this.unitOfWork.write(async (manager) => {
      if (await manager.exists(Team, { where: { name: dto.name } })) {
        throw new DomainError('conflict', `A team called "${dto.name}" already exists`, [
          { field: 'name', messages: ['is already taken'] },
        ]);
      }
      return manager.save(manager.create(Team, dto));
    });
  }

  async findOrFail(manager: EntityManager, id: string): Promise<Officer> {
    const officer = await manager.findOne(Officer, { where: { id } });
    if (!officer) throw DomainError.notFound('Officer');
    return officer;
  }

  private async teamOrFail(manager: EntityManager, id: string): Promise<Team> {
    const team = await manager.findOne(Team, { where: { id } });
    if (!team) throw DomainError.invalidField('teamId', 'no team has this id');
    return team;
  }
}
