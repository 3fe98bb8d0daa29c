import { HandbookIssues1795348483645 } from './1795348483645-HandbookIssues';
import { LoginLockout1795345693525 } from './1795345693525-LoginLockout';
import { Updates1795346282608 } from './1795346282608-Updates';
import { Foundation1795344896126 } from './1795344896126-Foundation';
import { Retention1795360000000 } from './1795360000000-Retention';
import { AuditIndexes1795370000000 } from './1795370000000-AuditIndexes';
import { CalendarFeeds1795380000000 } from './1795380000000-CalendarFeeds';
import { IdempotencyKeyExpiry1795390000000 } from './1795390000000-IdempotencyKeyExpiry';
import { SignInFailures1795400000000 } from './1795400000000-SignInFailures';

/** In order. Add each new migration here (and its twin in the other engine's folder). */
export const POSTGRES_MIGRATIONS: Function[] = [Foundation1795344896126, LoginLockout1795345693525, Updates1795346282608, Retention1795360000000, HandbookIssues1795348483645, AuditIndexes1795370000000, CalendarFeeds1795380000000, IdempotencyKeyExpiry1795390000000, SignInFailures1795400000000];
