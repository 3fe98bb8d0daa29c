import { Role } from '../officers/officer.entity';

/** Who is asking: the signed-in officer, as the guard found them. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  role: Role;
  teamId: string | null;
  sessionId: string;
}
