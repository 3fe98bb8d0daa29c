import { LoginLockout1795345693525 } from './1795345693525-LoginLockout';
import { Foundation1795344896126 } from './1795344896126-Foundation';

/** In order. Add each new migration here (and its twin in the other engine's folder). */
export const POSTGRES_MIGRATIONS: Function[] = [Foundation1795344896126, LoginLockout1795345693525];
